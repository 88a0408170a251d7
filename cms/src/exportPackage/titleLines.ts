// The 2号 title wraps at about 22 characters a line. Left to Word, a title of 23 characters
// ends in a line of one ("…重点／任务"); the break is placed here instead, so the lines are even.
import { Paragraph, TextRun } from 'docx'

import { styleIds } from './layout'

export const titleCharsPerLine = 22

/** Where to break: lines of (nearly) equal length, preferring just after punctuation nearby. */
export function balancedLines(title: string, perLine = titleCharsPerLine): string[] {
  const chars = [...title.trim()]
  if (chars.length <= perLine) return [chars.join('')]
  const count = Math.ceil(chars.length / perLine)
  const lines: string[] = []
  let start = 0
  for (let line = 1; line < count; line++) {
    const ideal = Math.round((chars.length * line) / count)
    let cut = ideal
    for (const offset of [0, -1, 1, -2, 2]) {
      const at = ideal + offset
      if (at - start <= perLine && at > start && /[，、：；——”》）,:;]/.test(chars[at - 1])) {
        cut = at
        break
      }
    }
    cut = Math.min(cut, start + perLine)
    lines.push(chars.slice(start, cut).join(''))
    start = cut
  }
  lines.push(chars.slice(start).join(''))
  return lines
}

/** The title as one centred paragraph, with line breaks where balancedLines puts them. */
export function titleLines(title: string): Paragraph[] {
  const lines = balancedLines(title)
  return [
    new Paragraph({
      style: styleIds.title,
      children: lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })),
    }),
  ]
}
