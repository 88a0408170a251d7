/** One thing found in a document: `where` names the place the editor will look (标题, 正文第3段 …). */
export type Problem = {
  code: string
  message: string
  where: string
  /** The media item a problem is about, so the editor can be sent to it. */
  media?: { id: number | string; name: string }
}

export type CheckReport = { errors: Problem[]; warnings: Problem[] }

/** A piece of text that readers will see, and where it sits in the document. */
export type Segment = { where: string; text: string }

/** Removes repeats, keeping the first: the same finding twice in one place says nothing new. */
export function uniqueProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.code}\u0000${p.where}\u0000${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A short stretch of `text` around [start, end), for messages that quote the context. */
export function excerpt(text: string, start: number, end: number, around = 4): string {
  const from = Math.max(0, start - around)
  const to = Math.min(text.length, end + around)
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`
}
