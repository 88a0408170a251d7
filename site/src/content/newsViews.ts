// The views derived from all news at once (each article's neighbours and related items, the pages
// of every news list) and their digests, carried from one content version to the next. A change
// recomputes what the articles it added or removed can reach and keeps the rest: the same objects
// and the same digest strings, so the renderer compares unchanged views by identity. At 10,000
// news, computing all of it afresh took ~150 ms per change.
//
// The views are the same whichever way they were reached (newsViews.test.ts checks incremental
// against afresh over random changes).
import { columnNeighbours, relatedNews } from '../pages/news/_related'
import * as paths from '../utils/paths'

export type Article = { id: string; data: { publishedAt: Date; column?: { slug: string }; tags: string[] } }
export type ArchiveNav = { current: number; newer?: string; older?: string; pages: { n: number; href: string }[] }
export type ArchivePage<T> = { url: string; title: number; items: T[]; nav: ArchiveNav }

/** Articles on the newest page of a list and in each archive page. */
export const PAGE_SIZE = 20
/** Archive pages linked on either side of the current one. */
const WINDOW = 2
/** More documents changed than this at once: computed afresh (inserting one by one would cost more). */
const MAX_INCREMENTAL = 256

/**
 * One news list (all news, or one column's), newest first. Stable pagination: the newest page
 * (page 0) shows the newest PAGE_SIZE; archive pages 1…buckets are fixed buckets counted from the
 * oldest, so a new article changes the newest page and, once every PAGE_SIZE articles, adds a
 * bucket — never the content of the others.
 */
type List<T> = { items: T[]; url: (page: number) => string; buckets: number; digests: string[] }

export type NewsViews<T extends Article> = {
  docs: readonly object[]
  columns: readonly string[]
  /** Newest first (ties: as `order` says). */
  news: T[]
  bySlug: Map<string, T>
  neighbours: Map<T, { newer?: T; older?: T }>
  related: Map<T, T[]>
  articleDigests: Map<T, string>
  lists: Map<string, List<T>>
  /** Archive page URL → its list and page number. */
  pages: Map<string, [List<T>, number]>
  /** `view:<url>` → what the view shows (ids and links), for every article and archive page. */
  digests: Map<string, string>
}

const bucketsOf = (count: number) => Math.floor(Math.max(0, count - 1) / PAGE_SIZE)

function navOf(current: number, buckets: number, url: (page: number) => string): ArchiveNav {
  const top = current === 0 ? buckets : current
  const shown = new Set<number>([0])
  for (let n = Math.min(buckets, top + WINDOW); n >= Math.max(1, top - WINDOW); n--) shown.add(n)
  if (buckets > 0) shown.add(1)
  const newer = current === 0 ? undefined : current === buckets ? url(0) : url(current + 1)
  const older = current === 0 ? (buckets > 0 ? url(buckets) : undefined) : current > 1 ? url(current - 1) : undefined
  return { current, newer, older, pages: [...shown].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : b - a)).map((n) => ({ n, href: url(n) })) }
}

function pageItems<T>(list: List<T>, page: number): T[] {
  const count = list.items.length
  return page === 0 ? list.items.slice(0, PAGE_SIZE) : list.items.slice(count - page * PAGE_SIZE, count - (page - 1) * PAGE_SIZE)
}

const pageDigest = <T extends Article>(list: List<T>, page: number) =>
  JSON.stringify([pageItems(list, page).map((n) => n.id), navOf(page, list.buckets, list.url)])

/** One page of a list, or undefined when `url` is none. */
export function archivePageOf<T extends Article>(views: NewsViews<T>, url: string): ArchivePage<T> | undefined {
  const at = views.pages.get(url)
  if (!at) return undefined
  const [list, page] = at
  return { url, title: page, items: pageItems(list, page), nav: navOf(page, list.buckets, list.url) }
}

/** The documents of `now` that `before` lacks and those of `before` that `now` lacks (by identity: a changed document is a new object). */
function difference(before: readonly object[], now: readonly object[]) {
  if (before === now) return { added: [], removed: [] }
  const old = new Set(before)
  const added = now.filter((doc) => !old.delete(doc))
  return { added, removed: [...old] }
}

/** Puts `item` into the sorted `list` where `order` places it. */
function insertSorted<T>(list: T[], item: T, order: (a: T, b: T) => number) {
  let [low, high] = [0, list.length]
  while (low < high) {
    const middle = (low + high) >> 1
    if (order(list[middle], item) <= 0) low = middle + 1
    else high = middle
  }
  list.splice(low, 0, item)
}

const articleTag = (slug: string) => `view:${paths.newsPath(slug)}`

/**
 * The views of `docs` (the raw news, mapped to entries by `entry`), reusing `previous` where the
 * change cannot reach. `order` must be a total order (newest first), so that inserting into the
 * previous list gives the list a fresh sort gives.
 */
export function newsViews<T extends Article>(
  previous: NewsViews<T> | undefined, docs: readonly object[], columns: readonly string[], entry: (doc: object) => T, order: (a: T, b: T) => number,
): NewsViews<T> {
  let reuse = previous && previous.columns.length === columns.length && previous.columns.every((c, i) => c === columns[i]) ? previous : undefined
  let news: T[] | undefined
  let bySlug: Map<string, T> | undefined
  if (reuse) {
    const { added, removed } = difference(reuse.docs, docs)
    if (added.length + removed.length <= MAX_INCREMENTAL) {
      const gone = new Set(removed.map(entry))
      news = gone.size ? reuse.news.filter((n) => !gone.has(n)) : [...reuse.news]
      bySlug = new Map(reuse.bySlug)
      for (const n of gone) if (bySlug.get(n.id) === n) bySlug.delete(n.id)
      for (const doc of added) {
        const n = entry(doc)
        insertSorted(news, n, order)
        bySlug.set(n.id, n)
      }
    } else reuse = undefined
  }
  if (!news || !bySlug || !reuse) {
    reuse = undefined
    news = docs.map(entry).sort(order)
    bySlug = new Map(news.map((n) => [n.id, n]))
  }

  const digests = new Map(reuse?.digests)
  const neighbours = columnNeighbours(news)
  const related = relatedNews(news, reuse)
  const articleDigests = new Map<T, string>()
  if (reuse) for (const n of reuse.news) if (!bySlug.has(n.id)) digests.delete(articleTag(n.id))
  for (const n of news) {
    const around = neighbours.get(n)
    const items = related.get(n) ?? []
    let digest = reuse?.articleDigests.get(n)
    const was = reuse?.neighbours.get(n)
    if (digest === undefined || reuse!.related.get(n) !== items || was?.newer !== around?.newer || was?.older !== around?.older) {
      const fresh = JSON.stringify([around?.newer?.id, around?.older?.id, items.map((r) => r.id)])
      if (fresh !== digest) digests.set(articleTag(n.id), fresh)
      digest = fresh
    }
    articleDigests.set(n, digest)
  }

  // The lists: all news, then each column's.
  const members = new Map<string, T[]>([['', news], ...columns.map((slug) => [`column:${slug}`, [] as T[]] as const)])
  for (const n of news) if (n.data.column) members.get(`column:${n.data.column.slug}`)?.push(n)
  const lists = new Map<string, List<T>>()
  const pages = new Map<string, [List<T>, number]>()
  for (const [key, items] of members) {
    const url = key === '' ? paths.newsIndexPath : (page: number) => paths.columnPath(key.slice('column:'.length), page)
    const list: List<T> = { items, url, buckets: bucketsOf(items.length), digests: [] }
    const before = reuse?.lists.get(key)
    // Archive pages from `stale` on may show other ids or links; those before it are the same.
    let stale = 1
    if (before) {
      const [a, b] = [before.items, items]
      let same = 0
      while (same < a.length && same < b.length && a[a.length - 1 - same].id === b[b.length - 1 - same].id) same++
      stale = Math.floor(same / PAGE_SIZE) + 1
      if (before.buckets !== list.buckets) stale = Math.min(stale, Math.max(1, Math.min(before.buckets, list.buckets) - WINDOW))
      for (let page = list.buckets + 1; page <= before.buckets; page++) digests.delete(`view:${url(page)}`)
    }
    for (let page = 0; page <= list.buckets; page++) {
      pages.set(url(page), [list, page])
      if (before && page > 0 && page < stale) {
        list.digests.push(before.digests[page])
        continue
      }
      const digest = pageDigest(list, page)
      list.digests.push(digest)
      if (digest !== before?.digests[page]) digests.set(`view:${url(page)}`, digest)
    }
    lists.set(key, list)
  }
  return { docs, columns, news, bySlug, neighbours, related, articleDigests, lists, pages, digests }
}
