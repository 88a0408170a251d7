// The views derived from all news at once (each article's neighbours and related items, the pages
// of every news list) and their digests, carried from one content version to the next. A change
// recomputes what the articles it added or removed can reach and keeps the rest: the same objects
// and the same digest strings, so the renderer compares unchanged views by identity. At 10,000
// news, computing all of it afresh took ~150 ms per change.
//
// The views are the same whichever way they were reached (newsViews.test.ts checks incremental
// against afresh over random changes).
import { columnNeighbours, patchedIndex, reachedBy, relatedIndex, type RelatedIndex, relatedOf } from '../pages/news/_related'
import * as paths from '../utils/paths'
import { replacedDocuments } from './cmsSources'

export type Article = { id: string; data: { publishedAt: Date; column?: { slug: string }; tags: string[]; cover?: unknown } }
export type ArchiveNav = { current: number; newer?: string; older?: string; pages: { n: number; href: string }[] }
export type ArchivePage<T> = { url: string; title: number; items: T[]; nav: ArchiveNav }

/** Articles on the newest page of a list and in each archive page. */
export const PAGE_SIZE = 20
/** Archive pages linked on either side of the current one. */
const WINDOW = 2
/** The newest articles of a list that pages (home, feeds, column blocks) may show: at most this many. */
export const LATEST = 50
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
  order: (a: T, b: T) => number
  /** Each tag's and each column's articles (the column lists are also the columns' news lists). */
  index: RelatedIndex<T>
  related: Map<T, T[]>
  lists: Map<string, List<T>>
  /** Beijing month (YYYYMM) → the slugs of the articles published in it, sorted: one sitemap file each. */
  months: Map<string, string[]>
  /** Archive page URL → its list and page number. */
  pages: Map<string, [List<T>, number]>
  /**
   * `view:<url>` → what the view shows (ids and links), for every article and archive page;
   * `view:latest:<list>` → the LATEST newest ids of each list; `view:lead` → the newest article with a cover;
   * `view:sitemap:<YYYYMM>` → the slugs of a month; `view:sitemap:months` → the months.
   */
  digests: Map<string, string>
  /** The tags of `digests` this version set or removed, from the previous one; undefined: computed afresh. */
  changed?: Set<string>
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

/** An article with its neighbours in its column and its related articles, or undefined. */
export function articleOf<T extends Article>(views: NewsViews<T>, slug: string): { entry: T; newer?: T; older?: T; related: T[] } | undefined {
  const entry = views.bySlug.get(slug)
  return entry && { entry, ...columnNeighbours(views.index, entry, views.order), related: views.related.get(entry) ?? [] }
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
/** The tag of the newest articles of a list: all news (column undefined), or one column's. */
export const latestTag = (column?: string) => (column === undefined ? 'view:latest:news' : `view:latest:column:${column}`)
export const LEAD_TAG = 'view:lead'
const listKey = (column?: string) => (column === undefined ? '' : `column:${column}`)

/** The newest `limit` (≤ LATEST) articles of a list, newest first; none for a list that is not there. */
export function latestOf<T extends Article>(views: NewsViews<T>, limit: number, column?: string): T[] {
  if (limit > LATEST) throw new Error(`latest news: at most ${LATEST}, not ${limit}`)
  return views.lists.get(listKey(column))?.items.slice(0, limit) ?? []
}

/** The newest article with a cover photo, if any. */
export const leadOf = <T extends Article>(views: NewsViews<T>): T | undefined => views.news.find((n) => n.data.cover)

/** The month an article was published in, Beijing time (UTC+8 all year: China keeps no summer time). */
export function monthOf(article: Article): string {
  const at = new Date(article.data.publishedAt.getTime() + 8 * 3_600_000)
  return `${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, '0')}`
}
export const monthTag = (month: string) => `view:sitemap:${month}`
export const MONTHS_TAG = 'view:sitemap:months'

/** The slugs of each month; from `previous`, only the months of the articles that came or went are redone. */
function monthsOf<T extends Article>(news: T[], previous: Map<string, string[]> | undefined, gone: Iterable<T>, added: Iterable<T>): Map<string, string[]> {
  if (!previous) {
    const months = new Map<string, string[]>()
    for (const n of news) {
      const month = monthOf(n)
      const slugs = months.get(month)
      if (slugs) slugs.push(n.id)
      else months.set(month, [n.id])
    }
    for (const slugs of months.values()) slugs.sort()
    return months
  }
  const months = new Map(previous)
  const patched = new Set<string>()
  const copy = (month: string) => {
    if (!patched.has(month)) months.set(month, [...(months.get(month) ?? [])]), patched.add(month)
    return months.get(month)!
  }
  for (const n of gone) {
    const slugs = copy(monthOf(n))
    const at = slugs.indexOf(n.id)
    if (at >= 0) slugs.splice(at, 1)
  }
  for (const n of added) copy(monthOf(n)).push(n.id)
  for (const month of patched) {
    const slugs = months.get(month)!
    if (slugs.length) slugs.sort()
    else months.delete(month)
  }
  return months
}


/**
 * The views of `docs` (the raw news, mapped to entries by `entry`), reusing `previous` where the
 * change cannot reach. `previous` is patched in place where that saves copying 10k-entry maps
 * (bySlug, related, digests): it must not be read afterwards. `order` must be a total order (newest first), so that inserting into the
 * previous list gives the list a fresh sort gives.
 */
export function newsViews<T extends Article>(
  previous: NewsViews<T> | undefined, docs: readonly object[], columns: readonly string[], entry: (doc: object) => T, order: (a: T, b: T) => number,
): NewsViews<T> {
  let reuse = previous && previous.columns.length === columns.length && previous.columns.every((c, i) => c === columns[i]) ? previous : undefined
  let news: T[] | undefined
  let bySlug: Map<string, T> | undefined
  let gone = new Set<T>()
  const added: T[] = []
  if (reuse) {
    const change = replacedDocuments(reuse.docs, docs)
    if (change.added.length + change.removed.length <= MAX_INCREMENTAL) {
      // Mapped first: a document that fails its schema throws before anything is patched.
      added.push(...change.added.map(entry))
      gone = new Set(change.removed.map(entry))
      news = gone.size ? reuse.news.filter((n) => !gone.has(n)) : [...reuse.news]
      bySlug = reuse.bySlug
      for (const n of gone) if (bySlug.get(n.id) === n) bySlug.delete(n.id)
      for (const n of added) {
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

  const digests = reuse?.digests ?? new Map<string, string>()
  const changed = reuse ? new Set<string>() : undefined
  const put = (tag: string, digest: string) => {
    if (digests.get(tag) === digest) return
    digests.set(tag, digest)
    changed?.add(tag)
  }
  const drop = (tag: string) => {
    if (digests.delete(tag)) changed?.add(tag)
  }
  const index = reuse ? patchedIndex(reuse.index, gone, added, order) : relatedIndex(news)
  const related = reuse?.related ?? new Map<T, T[]>()
  // The articles whose related items or neighbours may differ from the previous version's: all of them afresh.
  let redo: Iterable<T> = news
  if (reuse) {
    const reached = new Set<T>(added)
    for (const n of gone) {
      related.delete(n)
      if (bySlug.get(n.id) === undefined) drop(articleTag(n.id))
      for (const r of reachedBy(reuse.index, n, order)) reached.add(r)
    }
    for (const n of added) for (const r of reachedBy(index, n, order)) reached.add(r)
    redo = [...reached].filter((n) => bySlug.get(n.id) === n)
  }
  for (const n of redo) {
    const items = relatedOf(index, n, order)
    related.set(n, items)
    const around = columnNeighbours(index, n, order)
    put(articleTag(n.id), JSON.stringify([around.newer?.id, around.older?.id, items.map((r) => r.id)]))
  }

  // The lists: all news, then each column's.
  const members = new Map<string, T[]>([[listKey(), news], ...columns.map((slug) => [listKey(slug), index.byColumn.get(slug) ?? []] as const)])
  const lists = new Map<string, List<T>>()
  const pages = new Map<string, [List<T>, number]>()
  for (const [key, items] of members) {
    const url = key === listKey() ? paths.newsIndexPath : (page: number) => paths.columnPath(key.slice(listKey('').length), page)
    const list: List<T> = { items, url, buckets: bucketsOf(items.length), digests: [] }
    const before = reuse?.lists.get(key)
    // Archive pages from `stale` on may show other ids or links; those before it are the same.
    let stale = 1
    if (before?.items === items) stale = Infinity
    else if (before) {
      const [a, b] = [before.items, items]
      let same = 0
      while (same < a.length && same < b.length && a[a.length - 1 - same].id === b[b.length - 1 - same].id) same++
      stale = Math.floor(same / PAGE_SIZE) + 1
      if (before.buckets !== list.buckets) stale = Math.min(stale, Math.max(1, Math.min(before.buckets, list.buckets) - WINDOW))
      for (let page = list.buckets + 1; page <= before.buckets; page++) drop(`view:${url(page)}`)
    }
    for (let page = 0; page <= list.buckets; page++) {
      pages.set(url(page), [list, page])
      if (before && page > 0 && page < stale) {
        list.digests.push(before.digests[page])
        continue
      }
      const digest = pageDigest(list, page)
      list.digests.push(digest)
      put(`view:${url(page)}`, digest)
    }
    lists.set(key, list)
    const column = key === listKey() ? undefined : key.slice(listKey('').length)
    put(latestTag(column), JSON.stringify(items.slice(0, LATEST).map((n) => n.id)))
  }
  const months = monthsOf(news, reuse?.months, gone, added)
  for (const month of reuse?.months.keys() ?? []) if (!months.has(month)) drop(monthTag(month))
  for (const [month, slugs] of months) if (reuse?.months.get(month) !== slugs) put(monthTag(month), JSON.stringify(slugs))
  put(MONTHS_TAG, JSON.stringify([...months.keys()].sort()))

  const views = { docs, columns, news, bySlug, order, index, related, lists, months, pages, digests, changed }
  put(LEAD_TAG, JSON.stringify(leadOf(views)?.id ?? null))
  return views
}
