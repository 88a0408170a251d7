// 禁用词 and 易错词: every listed word found in one pass over each text (Aho–Corasick).
import AhoCorasick from 'modern-ahocorasick'

import type { Problem, Segment } from './problem'

export type WordLists = {
  bannedWords: { word: string; note?: string | null }[]
  correctionPairs: { wrong: string; right: string }[]
  /** Correct words that contain a listed mistake (该村长期 contains 村长). */
  notMistakes?: string[]
}

type Entry = { kind: 'banned'; note: string } | { kind: 'wrong'; right: string } | { kind: 'fine' }

export type WordChecker = (segment: Segment) => Problem[]

/**
 * Builds the checker for these lists. A mistake is not reported where it sits inside a correct
 * word: one from `notMistakes`, or its own correct form (黑社会 inside 黑社会性质组织).
 */
export function wordChecker(lists: WordLists): WordChecker {
  const patterns: { pattern: string; data: Entry }[] = []
  for (const { word, note } of lists.bannedWords) {
    if (word.trim()) patterns.push({ pattern: word.trim(), data: { kind: 'banned', note: note?.trim() ?? '' } })
  }
  for (const { wrong, right } of lists.correctionPairs) {
    const [w, r] = [wrong.trim(), right.trim()]
    if (!w || w === r) continue
    patterns.push({ pattern: w, data: { kind: 'wrong', right: r } })
    if (r.includes(w)) patterns.push({ pattern: r, data: { kind: 'fine' } })
  }
  for (const fine of lists.notMistakes ?? []) {
    if (fine.trim()) patterns.push({ pattern: fine.trim(), data: { kind: 'fine' } })
  }
  const matcher = new AhoCorasick(patterns)

  return ({ where, text }) => {
    // 'all' keeps overlapping hits, so a correct word is seen alongside the mistake inside it.
    const hits = matcher.search(text)
    const fine = hits.filter((hit) => hit.data?.kind === 'fine')
    const problems: Problem[] = []
    for (const { pattern, start, end, data } of hits) {
      if (!data || data.kind === 'fine') continue
      if (fine.some((f) => f.start <= start && f.end >= end && f.pattern.includes(pattern))) continue
      problems.push(
        data.kind === 'banned'
          ? { code: 'banned-word', where, message: `发现禁用词“${pattern}”${data.note ? `（${data.note}）` : ''}` }
          : { code: 'wrong-word', where, message: `易错词“${pattern}”应改为“${data.right}”` },
      )
    }
    return problems
  }
}
