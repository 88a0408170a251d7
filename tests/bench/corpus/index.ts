// Minimal realistic news corpus for `npm run bench -- live`, written by i12-publish because
// i12-search's generator (same path, same `corpusNews` interface) was not on this branch yet:
// when the branches are merged, i12-search's fuller version replaces this file.
// Words are drawn by their real frequency from jieba's dictionary, mixed with the court's own
// vocabulary from the seed; bodies of 600–2,000 characters; columns, tags and dates varied.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { columns } from '../../../cms/src/seed/data/columns'
import { news as seedNews } from '../../../cms/src/seed/data/news'

export type CorpusNews = {
  slug: string
  title: string
  summary: string
  /** Paragraphs of plain text; a paragraph starting with "## " is a heading. */
  body: string[]
  column: { slug: string; title: string }
  tags: string[]
  writer: string
  publishedAt: string
}

/** mulberry32: a small, fast, seedable PRNG. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Words and their cumulative frequencies, drawn from by binary search. */
function weighted(entries: [string, number][]) {
  const words = entries.map(([w]) => w)
  const cumulative: number[] = []
  let total = 0
  for (const [, f] of entries) cumulative.push((total += f))
  return (random: () => number) => {
    const x = random() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return words[lo]
  }
}

function dictionary() {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/package.json')), 'dict.txt')
  const entries: [string, number][] = []
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ')
    if (word && /^[\u4e00-\u9fff]{2,4}$/.test(word) && Number(freq) > 2) entries.push([word, Number(freq)])
  }
  return weighted(entries)
}

function courtVocabulary() {
  const counts = new Map<string, number>()
  const text = seedNews.map((n) => [n.title, ...(n.body ?? [])].join('')).join('')
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i += 2) counts.set(run.slice(i, i + 2), (counts.get(run.slice(i, i + 2)) ?? 0) + 1)
  }
  return weighted([...counts.entries()])
}

const writers = ['办公室 李某', '政治部 王某', '执行局 张某', '立案庭 赵某', '院团支部 陈某', '研究室 周某']
const tagPool = [...new Set(seedNews.flatMap((n) => n.tags ?? []))]

/** `count` news items, the same ones for the same seed. */
export function* corpusNews(count: number, options: { seed?: number; courtShare?: number } = {}): Generator<CorpusNews> {
  const { seed = 12, courtShare = 0.35 } = options
  const random = seededRandom(seed)
  const general = dictionary()
  const court = courtVocabulary()
  const word = () => (random() < courtShare ? court : general)(random)
  const sentence = (n: number) => Array.from({ length: n }, word).join('') + '。'
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  for (let i = 0; i < count; i++) {
    const title = `${sentence(4 + Math.floor(random() * 5)).slice(0, -1)}`
    const target = 600 + Math.floor(random() * 1400)
    const body: string[] = []
    let length = 0
    while (length < target) {
      const paragraph = random() < 0.1 ? `## ${sentence(3).slice(0, -1)}` : Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentence(6 + Math.floor(random() * 10))).join('')
      body.push(paragraph)
      length += paragraph.length
    }
    const column = pick(columns)
    yield {
      slug: `corpus-${seed}-${i + 1}`,
      title,
      summary: body.find((p) => !p.startsWith('## '))!.slice(0, 120),
      body,
      column: { slug: column.slug, title: column.title },
      tags: [pick(tagPool), pick(tagPool)].filter((tag, j, all) => tag && all.indexOf(tag) === j),
      writer: pick(writers),
      publishedAt: new Date(Date.UTC(2023, 0, 1) + random() * 1000 * 86_400_000).toISOString(),
    }
  }
}
