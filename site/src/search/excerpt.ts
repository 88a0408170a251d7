// A result's excerpt: a passage of the item's plain text around the query's words, cut at word
// boundaries (never half a word), HTML-escaped, with each occurrence of a query word in <mark>.
import { escapeHtml } from '../utils/html'
import { cutText } from './segment'

/** About this many characters of text in an excerpt. */
export const EXCERPT_LENGTH = 110
/** Context kept before the first match, unless a sentence starts nearer. */
const LEAD = 24

const SENTENCE_END = /[。！？；!?;\n]/

type Match = { start: number; end: number }

function matches(text: string, words: string[]): Match[] {
  const lower = text.toLowerCase()
  const found: Match[] = []
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) found.push({ start: at, end: at + word.length })
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  // Overlapping matches (民法 inside 民法典) become one.
  const merged: Match[] = []
  for (const match of found) {
    const last = merged.at(-1)
    if (last && match.start <= last.end) last.end = Math.max(last.end, match.end)
    else merged.push({ ...match })
  }
  return merged
}

/** The start of the window of EXCERPT_LENGTH characters that holds the most distinct query words. */
function bestStart(text: string, words: string[], found: Match[]): number {
  let best = found[0].start
  let bestScore = -1
  for (const first of found) {
    const window = text.slice(first.start, first.start + EXCERPT_LENGTH).toLowerCase()
    const score = words.filter((word) => window.includes(word)).length
    if (score > bestScore) [best, bestScore] = [first.start, score]
  }
  return best
}

/** jieba cuts each run of Chinese characters, letters and digits on its own; anything else separates runs. */
const SEPARATOR = /[^\u4e00-\u9fa5a-zA-Z0-9+#&._%-]/

/**
 * Word boundaries (character offsets into the text) from jieba's cut of the passage from..to,
 * widened to the separators around it, so the words are the ones a cut of the whole text gives.
 */
function boundaries(text: string, from: number, to: number): number[] {
  let start = Math.max(0, from)
  while (start > 0 && !SEPARATOR.test(text[start - 1])) start--
  let end = Math.min(text.length, to)
  while (end < text.length && !SEPARATOR.test(text[end])) end++
  const offsets = [start]
  for (const token of cutText(text.slice(start, end))) offsets.push(offsets.at(-1)! + token.length)
  return offsets
}

export function excerpt(text: string, words: string[]): string {
  // Lines stay: a line ends a sentence, where an excerpt may start.
  const clean = text.replace(/[^\S\n]+/g, ' ').trim()
  if (!clean) return ''
  const found = matches(clean, words)
  let start = 0
  if (found.length) {
    const first = bestStart(clean, words, found)
    // Start at the sentence the match is in when that is near; else a little before the match.
    const before = clean.slice(Math.max(0, first - LEAD), first)
    let sentence = before.length - 1
    while (sentence >= 0 && !SENTENCE_END.test(before[sentence])) sentence--
    start = sentence >= 0 ? first - before.length + sentence + 1 : Math.max(0, first - LEAD)
  }
  let end = Math.min(clean.length, start + EXCERPT_LENGTH)
  const cuts = boundaries(clean, start, end)
  // Snap outwards to whole words: back to the word the start is in, on to the end of the last word.
  start = cuts.findLast((offset) => offset <= start) ?? 0
  end = cuts.find((offset) => offset >= end) ?? clean.length
  const passage = clean.slice(start, end).replace(/\s+/g, ' ').trim()
  const marked = markWords(passage, words)
  return `${start > 0 ? '…' : ''}${marked}${end < clean.length ? '…' : ''}`
}

/** The passage HTML-escaped, with the query's words in <mark>. */
export function markWords(passage: string, words: string[]): string {
  let html = ''
  let at = 0
  for (const { start, end } of matches(passage, words)) {
    html += `${escapeHtml(passage.slice(at, start))}<mark>${escapeHtml(passage.slice(start, end))}</mark>`
    at = end
  }
  return html + escapeHtml(passage.slice(at))
}
