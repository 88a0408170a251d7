// Neighbours and related reports for the article pages. (The leading underscore keeps this file
// from being a route.)
//
// Doing it per article with filter/sort over every article was O(n²): minutes at 10,000 news.
// Here each tag and each column has its list of articles, newest first (an index kept from one
// content version to the next: a change patches the lists it touches); an article looks at a
// bounded number of earlier candidates in its lists, and a change reaches only the articles that
// could have looked at what it added or removed (content/newsViews.ts).

type Article = { data: { column?: { slug: string }; tags: string[] } }
/** Newest first, and total: two articles never compare equal. */
export type Order<T> = (a: T, b: T) => number

/** Each tag's and each column's articles, newest first. */
export type RelatedIndex<T> = { byTag: Map<string, T[]>; byColumn: Map<string, T[]> }

const RELATED = 3
/** Earlier articles sharing a tag or the column looked at per article (nearest in time first). */
const CANDIDATES = 60

/** Where `item` is, or would go, in the sorted `list`. */
function positionOf<T>(list: readonly T[], item: T, order: Order<T>): number {
  let [low, high] = [0, list.length]
  while (low < high) {
    const middle = (low + high) >> 1
    if (order(list[middle], item) < 0) low = middle + 1
    else high = middle
  }
  return low
}

const tagsOf = (n: Article) => new Set(n.data.tags)

/** The index of `news` (newest first). */
export function relatedIndex<T extends Article>(news: readonly T[]): RelatedIndex<T> {
  const index: RelatedIndex<T> = { byTag: new Map(), byColumn: new Map() }
  const push = (map: Map<string, T[]>, key: string, n: T) => {
    const list = map.get(key)
    if (list) list.push(n)
    else map.set(key, [n])
  }
  for (const n of news) {
    for (const tag of tagsOf(n)) push(index.byTag, tag, n)
    if (n.data.column) push(index.byColumn, n.data.column.slug, n)
  }
  return index
}

/** `index` without `gone` and with `added`; the lists it does not touch are shared with `index`, the others copied. */
export function patchedIndex<T extends Article>(index: RelatedIndex<T>, gone: Iterable<T>, added: Iterable<T>, order: Order<T>): RelatedIndex<T> {
  const patched: RelatedIndex<T> = { byTag: new Map(index.byTag), byColumn: new Map(index.byColumn) }
  const copied = new Set<T[]>()
  const listOf = (map: Map<string, T[]>, key: string) => {
    let list = map.get(key)
    if (!list || !copied.has(list)) {
      list = [...(list ?? [])]
      map.set(key, list)
      copied.add(list)
    }
    return list
  }
  const keysOf = (n: T): [Map<string, T[]>, string][] => [
    ...[...tagsOf(n)].map((tag) => [patched.byTag, tag] as [Map<string, T[]>, string]),
    ...(n.data.column ? [[patched.byColumn, n.data.column.slug] as [Map<string, T[]>, string]] : []),
  ]
  for (const n of gone) {
    for (const [map, key] of keysOf(n)) {
      const list = listOf(map, key)
      const at = positionOf(list, n, order)
      if (list[at] === n) list.splice(at, 1)
      if (!list.length) map.delete(key)
    }
  }
  for (const n of added) {
    for (const [map, key] of keysOf(n)) {
      const list = listOf(map, key)
      list.splice(positionOf(list, n, order), 0, n)
    }
  }
  return patched
}

/** The article before (newer) and after (older) `n` in its column. */
export function columnNeighbours<T extends Article>(index: RelatedIndex<T>, n: T, order: Order<T>): { newer?: T; older?: T } {
  const siblings = n.data.column && index.byColumn.get(n.data.column.slug)
  if (!siblings) return {}
  const at = positionOf(siblings, n, order)
  if (siblings[at] !== n) return {}
  return { newer: at > 0 ? siblings[at - 1] : undefined, older: siblings[at + 1] }
}

/**
 * Up to three **earlier** articles in the same column as `n` or with a shared tag: more shared
 * tags first (2 points each, 1 for the same column), then the nearest in time, among the
 * CANDIDATES nearest earlier ones.
 *
 * Earlier only, so the list of an article never changes when a newer one is published: a publish
 * re-renders the new article's own page, not every page of its column (content/store.ts).
 */
export function relatedOf<T extends Article>(index: RelatedIndex<T>, n: T, order: Order<T>): T[] {
  const tags = tagsOf(n)
  const column = n.data.column?.slug
  const lists = [...[...tags].map((tag) => index.byTag.get(tag) ?? []), ...(column ? [index.byColumn.get(column) ?? []] : [])]
  // Each list holds `n`: its cursor starts just after it.
  const cursors = lists.map((list) => {
    const at = positionOf(list, n, order)
    return list[at] === n ? at + 1 : at
  })
  const best = 2 * tags.size + (column ? 1 : 0)
  const top: { points: number; item: T }[] = []
  for (let seen = 0; seen < CANDIDATES; seen++) {
    // The nearest earlier candidate not looked at yet, from any of the lists.
    let next: T | undefined
    for (let at = 0; at < lists.length; at++) {
      const head = lists[at][cursors[at]]
      if (head !== undefined && (next === undefined || order(head, next) < 0)) next = head
    }
    if (next === undefined) break
    let points = 0
    for (let at = 0; at < lists.length; at++) {
      if (lists[at][cursors[at]] !== next) continue
      cursors[at]++
      // One list per shared tag (2 points) and the column's (1 point).
      points += at < tags.size ? 2 : 1
    }
    if (top.length === RELATED && points <= top[RELATED - 1].points) continue
    // Candidates come nearest first, so among equal points the one already there stays ahead.
    let place = top.length
    while (place > 0 && top[place - 1].points < points) place--
    top.splice(place, 0, { points, item: next })
    if (top.length > RELATED) top.pop()
    if (top.length === RELATED && top[RELATED - 1].points === best) break
  }
  return top.map((t) => t.item)
}

/**
 * The articles whose related items or column neighbours may change when `n` comes into `index`
 * or leaves it (`index` holding `n`): in each of its lists, the CANDIDATES articles just newer
 * than it (an article looks at no more than CANDIDATES earlier ones per list), and the next older
 * one in its column (its newer neighbour is `n`).
 */
export function reachedBy<T extends Article>(index: RelatedIndex<T>, n: T, order: Order<T>): T[] {
  const reached: T[] = []
  const lists = [...[...tagsOf(n)].map((tag) => index.byTag.get(tag)), n.data.column && index.byColumn.get(n.data.column.slug)]
  for (const list of lists) {
    if (!list) continue
    const at = positionOf(list, n, order)
    reached.push(...list.slice(Math.max(0, at - CANDIDATES - 1), at))
  }
  const { older } = columnNeighbours(index, n, order)
  if (older) reached.push(older)
  return reached
}
