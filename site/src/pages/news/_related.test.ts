import { describe, expect, it } from 'vitest'

import { relatedNews } from './_related'

type Item = { id: number; data: { column?: { slug: string }; tags: string[] } }

/** A seeded list of articles, newest first, over a few columns and tags. */
function articles(count: number, seed = 7): Item[] {
  let state = seed
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  return Array.from({ length: count }, (_, id) => ({
    id,
    data: { column: next() < 0.9 ? { slug: `c${Math.floor(next() * 4)}` } : undefined, tags: Array.from({ length: Math.floor(next() * 3) }, () => `t${Math.floor(next() * 12)}`) },
  }))
}

const ids = (related: Map<Item, Item[]>, news: Item[]) => news.map((n) => related.get(n)!.map((r) => r.id))

describe('relatedNews reusing the previous lists', () => {
  const before = articles(400)
  const previous = { news: before, related: relatedNews(before) }
  const cases: [string, Item[]][] = [
    ['a new article on top', [{ id: 1000, data: { column: { slug: 'c1' }, tags: ['t3'] } }, ...before]],
    ['a withdrawal in the middle', before.filter((_, at) => at !== 200)],
    ['an edited article (a new object, other tags)', before.map((n, at) => (at === 150 ? { ...n, data: { ...n.data, tags: ['t1', 't2'] } } : n))],
    ['the oldest article withdrawn', before.slice(0, -1)],
  ]
  for (const [name, after] of cases) {
    it(`equals a fresh computation: ${name}`, () => {
      expect(ids(relatedNews(after, previous), after)).toEqual(ids(relatedNews(after), after))
    })
  }
})
