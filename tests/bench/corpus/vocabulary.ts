// The words a realistic corpus is written with: jieba's own dictionary (349k words with their
// frequency in a large general corpus), and the court's vocabulary, cut by jieba from the seed
// report (/work/shared/seed/… or SEED_REPORT) and from the CMS's demo content.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

import { news } from '../../../cms/src/seed/data/news'
import { stories } from '../../../cms/src/seed/data/stories'

/** Words with weights, drawn from in proportion to weight (binary search over the running total). */
export class WeightedWords {
  readonly words: string[]
  private readonly cumulative: Float64Array
  constructor(entries: [word: string, weight: number][]) {
    this.words = entries.map(([word]) => word)
    this.cumulative = new Float64Array(entries.length)
    let total = 0
    entries.forEach(([, weight], i) => (this.cumulative[i] = total += weight))
  }
  get size() {
    return this.words.length
  }
  draw(random: () => number): string {
    const target = random() * this.cumulative[this.cumulative.length - 1]
    let low = 0
    let high = this.cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.cumulative[mid] < target) low = mid + 1
      else high = mid
    }
    return this.words[low]
  }
}

const isChineseWord = (word: string) => /^[\u4e00-\u9fff]{1,8}$/.test(word)

/** jieba's dictionary by frequency: words of Chinese characters only. */
export function dictionaryWords(): WeightedWords {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/package.json')), 'dict.txt')
  const entries: [string, number][] = []
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ')
    const weight = Number(freq)
    if (word && weight > 0 && isChineseWord(word)) entries.push([word, weight])
  }
  return new WeightedWords(entries)
}

export const DEFAULT_SEED_REPORT = '/work/shared/seed/000_3c214e92878b1149.txt'

/** The court's words (two characters or more) by how often the report and the demo content use them. */
export function courtWords(reportFile = process.env.SEED_REPORT ?? DEFAULT_SEED_REPORT): WeightedWords {
  const texts = [...news.flatMap((n) => [n.title, n.summary, ...n.body]), ...stories.flatMap((s) => [s.title, ...s.body, s.outcome])]
  if (fs.existsSync(reportFile)) texts.push(fs.readFileSync(reportFile, 'utf8'))
  const jieba = Jieba.withDict(dict)
  const counts = new Map<string, number>()
  for (const word of jieba.cut(texts.join('\n'), true)) {
    if (word.length >= 2 && isChineseWord(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return new WeightedWords([...counts])
}
