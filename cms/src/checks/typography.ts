// A small Chinese typography linter. Its findings are warnings: they never stop publishing.
import { excerpt, type Problem, type Segment } from './problem'

const HAN = '\\p{Script=Han}'
const fullWidth: Record<string, [string, string]> = {
  ',': ['逗号', '，'],
  ';': ['分号', '；'],
  ':': ['冒号', '：'],
  '?': ['问号', '？'],
  '!': ['叹号', '！'],
  '.': ['句号', '。'],
}

type Rule = { code: string; pattern: RegExp; message: (match: RegExpExecArray) => string }

const rules: Rule[] = [
  {
    // “法院,今天” — a half-width mark after a Chinese character. A full stop only when Chinese (or the
    // end of the text) follows, so “第1.2条” and web addresses are left alone.
    code: 'half-width-punctuation',
    pattern: new RegExp(`(?<=${HAN})(?:[,;:?!]|\\.(?=${HAN}|\\s|$))(?!\\.)`, 'gu'),
    message: ([mark]) => `使用了半角${fullWidth[mark][0]}“${mark}”，应为全角“${fullWidth[mark][1]}”`,
  },
  {
    code: 'repeated-punctuation',
    // “。。” or “，，”, or two different marks in a row (“，。”); three full stops are an ellipsis, below.
    pattern: /([，、；：！？])\1+|(?<!。)。。(?!。)|([，。、；：])(?!\2)[，。、；：]/gu,
    message: ([marks]) => `标点“${marks}”重复或连用`,
  },
  {
    code: 'ellipsis',
    pattern: new RegExp(`(?<=${HAN})(?:\\.{3,}|。{3,}|…(?!…))`, 'gu'),
    message: ([marks]) => `省略号“${marks}”应写作“……”`,
  },
  {
    // Brackets in Chinese text, such as a case number's “(2025)湘0101民初1号”, are full-width.
    code: 'half-width-brackets',
    pattern: new RegExp(`(?<=${HAN})\\([^()]*\\)|\\([^()]*\\)(?=${HAN})|\\([^()]*${HAN}[^()]*\\)`, 'gu'),
    message: ([text]) => `括号“${text}”在中文里应使用全角括号“（）”`,
  },
  {
    code: 'straight-quotes',
    pattern: new RegExp(`"[^"]*${HAN}[^"]*"`, 'gu'),
    message: ([text]) => `引号${text}中有中文，应使用中文引号“”`,
  },
]

/** Typography warnings for one segment, each quoting where in the sentence it is. */
export function typographyProblems({ where, text }: Segment): Problem[] {
  const problems: Problem[] = []
  for (const { code, pattern, message } of rules) {
    for (const match of text.matchAll(pattern)) {
      const at = excerpt(text, match.index, match.index + match[0].length)
      problems.push({ code, where, message: `${message(match)}：${at}` })
    }
  }
  return problems
}
