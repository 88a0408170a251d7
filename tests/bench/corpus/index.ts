// A realistic news corpus for benchmarks (search bench here, `npm run bench -- live`): bodies of
// 600–2,000 characters written with words drawn by real frequency from jieba's dictionary, mixed
// with the court's own vocabulary; varied columns and tags; dates over three years. Deterministic
// for a given seed. (The old nine-paragraph corpus repeats ~300 words and understates search cost.)
import { columns } from '../../../cms/src/seed/data/columns'
import { news as seedNews } from '../../../cms/src/seed/data/news'
import { courtWords, dictionaryWords, type WeightedWords } from './vocabulary'

export type CorpusNews = {
  slug: string
  title: string
  summary: string
  /** Paragraphs of plain text; a paragraph starting with "## " is a heading (as the seed's). */
  body: string[]
  /** A column of the seed (cms/src/seed/data/columns.ts). */
  column: { slug: string; title: string }
  tags: string[]
  writer: string
  publishedAt: string
}

export type CorpusOptions = {
  seed?: number
  /** Share of words from the court's vocabulary (the rest from the general dictionary). */
  courtShare?: number
  minBodyChars?: number
  maxBodyChars?: number
}

/** mulberry32: a small, fast, seedable PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let vocabulary: { general: WeightedWords; court: WeightedWords } | undefined
/** Loading the dictionary takes a second: once per process. */
export const corpusVocabulary = () => (vocabulary ??= { general: dictionaryWords(), court: courtWords() })

const writers = ['办公室 李某', '政治部 王某', '执行局 张某', '立案庭 赵某', '院团支部 陈某', '研究室 周某', '民一庭 孙某', '刑庭 吴某']
const seedTags = [...new Set(seedNews.flatMap((n) => n.tags))]

/** `count` news items, the same ones for the same options. */
export function* corpusNews(count: number, options: CorpusOptions = {}): Generator<CorpusNews> {
  const { seed = 12, courtShare = 0.35, minBodyChars = 600, maxBodyChars = 2000 } = options
  const random = seededRandom(seed)
  const { general, court } = corpusVocabulary()
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const word = () => (random() < courtShare ? court : general).draw(random)
  const sentence = (words: number) => {
    let text = ''
    for (let i = 0; i < words; i++) text += word() + (i < words - 1 && random() < 0.12 ? '，' : '')
    return `${text}。`
  }
  // Tags: the seed's own, and court words as a long tail (editors coin tags).
  const tagPool = [...seedTags, ...Array.from({ length: 300 }, () => court.draw(random) + court.draw(random))]
  const start = Date.UTC(2023, 0, 1)
  const span = 3 * 365 * 86_400_000
  for (let i = 0; i < count; i++) {
    const target = minBodyChars + Math.floor(random() * (maxBodyChars - minBodyChars + 1))
    const body: string[] = []
    let length = 0
    while (length < target) {
      if (body.length > 0 && random() < 0.15) body.push(`## ${court.draw(random)}${court.draw(random)}`)
      let paragraph = ''
      const sentences = 2 + Math.floor(random() * 4)
      for (let s = 0; s < sentences && length + paragraph.length < target; s++) paragraph += sentence(6 + Math.floor(random() * 14))
      body.push(paragraph)
      length += paragraph.length
    }
    const title = Array.from({ length: 3 + Math.floor(random() * 4) }, () => (random() < 0.6 ? court : general).draw(random)).join('')
    const column = pick(columns)
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(tagPool)))]
    yield {
      slug: `corpus-${seed}-${i}`,
      title,
      summary: sentence(10 + Math.floor(random() * 10)),
      body,
      column: { slug: column.slug, title: column.title },
      tags,
      writer: pick(writers),
      publishedAt: new Date(start + random() * span).toISOString(),
    }
  }
}
