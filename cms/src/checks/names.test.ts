// The 隐名 check measured on a labelled set of court-news sentences (fixtures/party-names.tsv):
// party names it must catch; staff names, 某-forms, places and organisations it must leave alone.
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { anonymised, findPartyNames } from './names'

type Labelled = { sentence: string; names: string[] }

const read = (file: string): Labelled[] =>
  readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [names, sentence] = line.split('\t')
      return { sentence, names: names === '-' ? [] : names.split('｜') }
    })

/** The set the check was developed on, and one written afterwards and never tuned on. */
const developed = read('party-names.tsv')
const unseen = read('party-names-unseen.tsv')
const labelled = [...developed, ...unseen]

function measure(set: Labelled[], name: string) {
  let found = 0
  let wrong = 0
  let missed = 0
  const mistakes: string[] = []
  for (const { sentence, names } of set) {
    const got = [...new Set(findPartyNames(sentence).map((hit) => hit.name))]
    const right = got.filter((n) => names.includes(n))
    found += right.length
    wrong += got.length - right.length
    missed += names.filter((n) => !got.includes(n)).length
    if (right.length !== got.length || right.length !== names.length) mistakes.push(`  ${sentence} → ${got.join('、') || '（无）'}`)
  }
  const precision = found / (found + wrong)
  const recall = found / (found + missed)
  console.log(
    `隐名检查（${name}）：${set.length} 句，应查出 ${found + missed} 个姓名，查出 ${found}，漏 ${missed}，误报 ${wrong}；` +
      `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${mistakes.join('\n')}`,
  )
  return { precision, recall }
}

describe('the labelled set', () => {
  it('has at least 200 sentences, with names to catch and sentences to leave alone', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(200)
    expect(labelled.filter((l) => l.names.length).length).toBeGreaterThanOrEqual(100)
    expect(labelled.filter((l) => !l.names.length).length).toBeGreaterThanOrEqual(100)
  })

  it('catches party names with recall ≥ 0.95 and precision ≥ 0.9', () => {
    measure(developed, '开发用句')
    measure(unseen, '未调参句')
    const { precision, recall } = measure(labelled, '合计')
    expect(recall).toBeGreaterThanOrEqual(0.95)
    expect(precision).toBeGreaterThanOrEqual(0.9)
  })
})

describe('findPartyNames', () => {
  it('says where the name is and after which role', () => {
    expect(findPartyNames('原告张三诉被告李四光')).toEqual([
      { name: '张三', start: 2, end: 4, role: '原告' },
      { name: '李四光', start: 7, end: 10, role: '被告' },
    ])
  })

  it('leaves 某-forms alone but still reads the names listed after them', () => {
    expect(findPartyNames('被告人张某某、李四等人').map((hit) => hit.name)).toEqual(['李四'])
  })

  it('answers nothing for empty text', () => {
    expect(findPartyNames('')).toEqual([])
  })
})

describe('anonymised', () => {
  it('keeps the surname and writes 某 for each character of the given name', () => {
    expect(anonymised('张三')).toBe('张某')
    expect(anonymised('李四光')).toBe('李某某')
    expect(anonymised('欧阳明')).toBe('欧阳某')
    expect(anonymised('司马光华')).toBe('司马某某')
  })
})
