// The 摘要 WeChat shows under the title in a share card: at most 120 characters.
export const digestLength = 120

/**
 * The summary (else the body's first paragraph) cut to 120 characters: at the last full sentence
 * that fits, else at 119 characters and an ellipsis.
 */
export function proposeDigest(summary: string | null | undefined, firstParagraph = ''): string {
  const text = (summary?.trim() || firstParagraph.trim()).replace(/\s+/g, ' ')
  const chars = [...text]
  if (chars.length <= digestLength) return text
  const head = chars.slice(0, digestLength).join('')
  const end = Math.max(...['。', '！', '？', '；'].map((mark) => head.lastIndexOf(mark)))
  if (end >= digestLength / 2) return head.slice(0, end + 1)
  return `${chars.slice(0, digestLength - 1).join('')}…`
}
