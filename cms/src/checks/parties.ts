// 当事人隐名 over a whole document: a name found in a party role is reported wherever it appears
// (a title may repeat the name the body gives after 原告).
import { anonymised, findPartyNames } from './names'
import { excerpt, type Problem, type Segment } from './problem'

/** Names standing in a party role and not on the allow-list of 发布检查, each where it appears. */
export function partyNameProblems(segments: Segment[], allowedNames: string[]): Problem[] {
  const allowed = new Set(allowedNames.map((name) => name.trim()).filter(Boolean))
  const names = new Set<string>()
  for (const { text } of segments) {
    for (const { name } of findPartyNames(text)) if (!allowed.has(name)) names.add(name)
  }
  const problems: Problem[] = []
  for (const { where, text } of segments) {
    for (const name of names) {
      const at = text.indexOf(name)
      if (at < 0) continue
      problems.push({
        code: 'party-name',
        where,
        message: `当事人姓名“${name}”未隐名（${excerpt(text, at, at + name.length)}），请改为“${anonymised(name)}”；如确需公开，请管理员在“发布检查”的允许公开的姓名中登记`,
      })
    }
  }
  return problems
}
