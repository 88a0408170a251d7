// Who wrote an item, read from a byline as people type it: "张某 李某" is two authors,
// "立案庭 马某" is one, 马某 of 立案庭, and "立案庭 马某 刘某" two of 立案庭.

export type Author = { name: string; department?: string }

/** How the names of court departments and other bodies end: 立案庭, 办公室, 政治部, 宣传科… */
const departmentEnding = /(庭|室|科|处|局|部|办|队|所|站|组|中心|委员会|委|会|院|馆|团)$/

const isDepartment = (token: string) => token.length >= 3 && departmentEnding.test(token)

/** "张三 李四、王五" → [{ name: 张三 }, …]; a department before names applies to the names after it. */
export function parseByline(value: unknown): Author[] {
  if (typeof value !== 'string') return []
  const authors: Author[] = []
  for (const group of value.split(/[,，、;；]+/)) {
    let department: string | undefined
    for (const token of group.split(/\s+/).filter(Boolean)) {
      if (isDepartment(token)) department = token
      else authors.push(department ? { name: token, department } : { name: token })
    }
  }
  return authors
}

/** "立案庭 马某" as printed in the byline and the 报送单; the name alone when there is no department. */
export const authorLabel = ({ name, department }: Author) => (department ? `${department} ${name}` : name)
