// Neighbours and related reports for the article pages, computed for all articles at once.
// (The leading underscore keeps this file from being a route.)
//
// Doing it per article with filter/sort over every article was O(n²): minutes at 10,000 news.
// Here the column and tag lists are built once; each article looks at a bounded number of
// earlier candidates.

type Article = { data: { column?: { slug: string }; tags: string[] } }

/** Per article, the article before (newer) and after (older) it in its column; `news` is newest first. */
export function columnNeighbours<T extends Article>(news: readonly T[]): Map<T, { newer?: T; older?: T }> {
  const byColumn = new Map<string, T[]>()
  for (const n of news) {
    const column = n.data.column?.slug
    if (!column) continue
    const siblings = byColumn.get(column)
    if (siblings) siblings.push(n)
    else byColumn.set(column, [n])
  }
  const result = new Map<T, { newer?: T; older?: T }>()
  for (const siblings of byColumn.values()) {
    siblings.forEach((n, at) => result.set(n, { newer: at > 0 ? siblings[at - 1] : undefined, older: siblings[at + 1] }))
  }
  return result
}

const RELATED = 3
/** Earlier articles sharing a tag or the column looked at per article (nearest in time first). */
const CANDIDATES = 60

/** The first position in ascending `list` whose value is greater than `value`. */
function after(list: number[], value: number): number {
  let [low, high] = [0, list.length]
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle] <= value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Per article, up to three **earlier** articles in the same column or with a shared tag: more
 * shared tags first (2 points each, 1 for the same column), then the nearest in time, among the
 * CANDIDATES nearest earlier ones. `news` must be newest first.
 *
 * Earlier only, so the list of an article never changes when a newer one is published: a publish
 * re-renders the new article's own page, not every page of its column (content/store.ts).
 */
export function relatedNews<T extends Article>(news: readonly T[], previous?: { news: readonly T[]; related: Map<T, T[]> }): Map<T, T[]> {
  // An article's list depends only on itself and older ones: the oldest articles the previous
  // list shares (the same objects, in the same order) keep theirs, so a change costs the articles
  // newer than it, not the whole site.
  let shared = 0
  if (previous) {
    const old = previous.news
    while (shared < news.length && shared < old.length && news[news.length - 1 - shared] === old[old.length - 1 - shared]) shared++
  }
  const byTag = new Map<string, number[]>()
  const byColumn = new Map<string, number[]>()
  const push = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key)
    if (list) list.push(index)
    else map.set(key, [index])
  }
  news.forEach((n, index) => {
    for (const tag of new Set(n.data.tags)) push(byTag, tag, index)
    if (n.data.column) push(byColumn, n.data.column.slug, index)
  })

  const result = new Map<T, T[]>()
  news.forEach((n, index) => {
    const kept = index >= news.length - shared ? previous!.related.get(n) : undefined
    if (kept) return void result.set(n, kept)
    const tags = new Set(n.data.tags)
    const column = n.data.column?.slug
    const lists = [...[...tags].map((tag) => byTag.get(tag)!), ...(column ? [byColumn.get(column)!] : [])]
    const cursors = lists.map((list) => after(list, index))
    const best = 2 * tags.size + (column ? 1 : 0)
    const top: { points: number; index: number }[] = []
    for (let seen = 0; seen < CANDIDATES; seen++) {
      // The nearest earlier candidate not looked at yet, from any of the lists.
      let next = Infinity
      for (let at = 0; at < lists.length; at++) {
        const value = lists[at][cursors[at]]
        if (value !== undefined && value < next) next = value
      }
      if (next === Infinity) break
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
      top.splice(place, 0, { points, index: next })
      if (top.length > RELATED) top.pop()
      if (top.length === RELATED && top[RELATED - 1].points === best) break
    }
    result.set(n, top.map((t) => news[t.index]))
  })
  return result
}
