import { describe, expect, it } from 'vitest'

import { columnNeighbours, patchedIndex, reachedBy, relatedIndex, relatedOf } from './_related'

type Item = { id: number; data: { column?: { slug: string }; tags: string[] } }

/** Newest first: here, the lower id. */
const order = (a: Item, b: Item) => a.id - b.id

/** A seeded list of articles, newest first, over a few columns and tags. */
function articles(count: number, seed = 7): Item[] {
  let state = seed
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  return Array.from({ length: count }, (_, id) => ({
    id: id * 10,
    data: { column: next() < 0.9 ? { slug: `c${Math.floor(next() * 4)}` } : undefined, tags: Array.from({ length: Math.floor(next() * 3) }, () => `t${Math.floor(next() * 12)}`) },
  }))
}

const shown = (news: Item[], index: ReturnType<typeof relatedIndex<Item>>) =>
  new Map(news.map((n) => [n, JSON.stringify([relatedOf(index, n, order).map((r) => r.id), columnNeighbours(index, n, order)])]))

describe('related items and neighbours from an index patched per change', () => {
  const before = articles(400)
  const index = relatedIndex(before)
  const edited = { ...before[150], data: { ...before[150].data, tags: ['t1', 't2'] } }
  const cases: [string, Item[], Item[]][] = [
    ['a new article on top', [{ id: -1, data: { column: { slug: 'c1' }, tags: ['t3'] } }], []],
    ['a withdrawal in the middle', [], [before[200]]],
    ['an edited article (a new object, other tags)', [edited], [before[150]]],
    ['the oldest article withdrawn', [], [before[399]]],
    ['a back-dated article', [{ id: 2005, data: { column: { slug: 'c2' }, tags: ['t4', 't5'] } }], []],
  ]
  for (const [name, added, gone] of cases) {
    it(`equals a fresh index, and changes no article it does not say it reaches: ${name}`, () => {
      const after = [...before.filter((n) => !gone.includes(n)), ...added].sort(order)
      const patched = patchedIndex(index, gone, added, order)
      expect(patched).toEqual(relatedIndex(after))
      const [was, now] = [shown(before, index), shown(after, patched)]
      const reached = new Set([...gone.flatMap((n) => reachedBy(index, n, order)), ...added.flatMap((n) => reachedBy(patched, n, order))])
      const changed = after.filter((n) => was.has(n) && was.get(n) !== now.get(n))
      expect(changed.length).toBeGreaterThan(0)
      for (const n of changed) expect(reached.has(n), `article ${n.id}`).toBe(true)
      // The previous index is left as it was.
      expect(index).toEqual(relatedIndex(before))
    })
  }
})
