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
export type MonthLink = { month: string; href: string }
/**
 * The links under a list page. `newer`/`older`: 上一页/下一页 (newest first, across months).
 * On a month page: the month's pages (`pages[n - 1]` is page n) and the months either side.
 */
export type ArchiveNav = {
  newer?: string
  older?: string
  month?: { month: string; current: number; pages: string[] }
  newerMonth?: MonthLink
  olderMonth?: MonthLink
  /** The month index (按月份浏览); none for a list without articles. */
  index?: string
}
/** The newest page of a list, or page `page` (from the month's oldest article) of one month. */
export type ArchivePage<T> = { url: string; month?: string; page: number; items: T[]; nav: ArchiveNav }
/** The month index of a list: each month with articles and how many, newest first. */
export type ArchiveIndex = { url: string; latest: string; months: (MonthLink & { count: number })[] }

/** Articles on the newest page of a list and on each month page. */
export const PAGE_SIZE = 20
/** The newest articles of a list that pages (home, feeds, column blocks) may show: at most this many. */
export const LATEST = 50
/** More documents changed than this at once: computed afresh (inserting one by one would cost more). */
const MAX_INCREMENTAL = 256

/**
 * One news list (all news, or one column's), newest first. Stable pagination: the newest page
 * shows the newest PAGE_SIZE; the archive is one set of pages per Beijing month, each month paged
 * from its oldest article, so a change reaches the pages of its own month (and the months either
 * side only when a month comes or goes) — never the rest of the history.
 */
type List<T> = {
  column?: string
  items: T[]
  /** Month (YYYYMM) → its articles, newest first. */
  months: Map<string, T[]>
  /** The months with articles, oldest first. */
  keys: string[]
  /** Its pages' URLs and what each is, for `pages`. */
  refs: [string, PageRef<T>][]
}
type PageRef<T> = { list: List<T>; kind: 'latest' } | { list: List<T>; kind: 'index' } | { list: List<T>; kind: 'month'; month: string; page: number }

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
  /** List page URL (newest page, month pages, month index) → what it is. */
  pages: Map<string, PageRef<T>>
  /**
   * `view:<url>` → what the view shows (ids and links), for every article and list page;
   * `view:latest:<list>` → the LATEST newest ids of each list; `view:lead` → the newest article with a cover;
   * `view:sitemap:<YYYYMM>` → the slugs of a month; `view:sitemap:months` → the months.
   */
  digests: Map<string, string>
  /** The tags of `digests` this version set or removed, from the previous one; undefined: computed afresh. */
  changed?: Set<string>
}

const pagesIn = (count: number) => Math.ceil(count / PAGE_SIZE)
const latestUrl = (list: List<unknown>) => (list.column === undefined ? paths.newsIndexPath() : paths.columnPath(list.column))
const monthUrl = (list: List<unknown>, month: string, page = 1) => paths.archiveMonthPath(month, page, list.column)
const monthLink = (list: List<unknown>, month: string | undefined): MonthLink | undefined => (month === undefined ? undefined : { month, href: monthUrl(list, month) })

/** Page `page` (from 1) of a month, counted from its oldest article; newest first. */
function monthItems<T>(list: List<T>, month: string, page: number): T[] {
  const items = list.months.get(month) ?? []
  return items.slice(Math.max(0, items.length - page * PAGE_SIZE), items.length - (page - 1) * PAGE_SIZE)
}

/** The month page that holds `item` of the list. */
function pageOf<T extends Article>(list: List<T>, item: T): string {
  const month = monthOf(item)
  const items = list.months.get(month)!
  return monthUrl(list, month, Math.floor((items.length - 1 - items.indexOf(item)) / PAGE_SIZE) + 1)
}

/** The newest page's links: older leads to the page holding the first article it does not show. */
function latestNav<T extends Article>(list: List<T>): ArchiveNav {
  return {
    older: list.items.length > PAGE_SIZE ? pageOf(list, list.items[PAGE_SIZE]) : undefined,
    index: list.items.length ? paths.archiveIndexPath(list.column) : undefined,
  }
}

/** A month page's links: they read only this month and the months either side. */
function monthNav<T>(list: List<T>, month: string, page: number): ArchiveNav {
  const at = list.keys.indexOf(month)
  const [olderMonth, newerMonth] = [list.keys[at - 1], list.keys[at + 1]]
  const count = pagesIn(list.months.get(month)!.length)
  return {
    newer: page < count ? monthUrl(list, month, page + 1) : newerMonth ? monthUrl(list, newerMonth) : latestUrl(list),
    older: page > 1 ? monthUrl(list, month, page - 1) : olderMonth ? monthUrl(list, olderMonth, pagesIn(list.months.get(olderMonth)!.length)) : undefined,
    month: { month, current: page, pages: Array.from({ length: count }, (_, n) => monthUrl(list, month, n + 1)) },
    newerMonth: monthLink(list, newerMonth),
    olderMonth: monthLink(list, olderMonth),
    index: paths.archiveIndexPath(list.column),
  }
}

function archiveIndex(list: List<unknown>): ArchiveIndex {
  const months = list.keys.map((month) => ({ month, href: monthUrl(list, month), count: list.months.get(month)!.length })).reverse()
  return { url: paths.archiveIndexPath(list.column), latest: latestUrl(list), months }
}

function pageOfRef<T extends Article>(url: string, ref: PageRef<T>): ArchivePage<T> | undefined {
  if (ref.kind === 'index') return undefined
  if (ref.kind === 'latest') return { url, page: 0, items: ref.list.items.slice(0, PAGE_SIZE), nav: latestNav(ref.list) }
  return { url, month: ref.month, page: ref.page, items: monthItems(ref.list, ref.month, ref.page), nav: monthNav(ref.list, ref.month, ref.page) }
}

const refDigest = <T extends Article>(url: string, ref: PageRef<T>) => {
  if (ref.kind === 'index') return JSON.stringify(archiveIndex(ref.list).months.map((m) => [m.month, m.count]))
  const page = pageOfRef(url, ref)!
  return JSON.stringify([page.items.map((n) => n.id), page.nav])
}

/** The newest page or a month page of a list by its URL, or undefined when `url` is none. */
export function archivePageOf<T extends Article>(views: NewsViews<T>, url: string): ArchivePage<T> | undefined {
  const ref = views.pages.get(url)
  return ref && pageOfRef(url, ref)
}

/** The month index of a list by its URL, or undefined. */
export function archiveIndexOf<T extends Article>(views: NewsViews<T>, url: string): ArchiveIndex | undefined {
  const ref = views.pages.get(url)
  return ref?.kind === 'index' ? archiveIndex(ref.list) : undefined
}

/** The list's page refs: the newest page, the month index, every page of every month. */
function refsOf<T>(list: List<T>): [string, PageRef<T>][] {
  const refs: [string, PageRef<T>][] = [[latestUrl(list), { list, kind: 'latest' }], [paths.archiveIndexPath(list.column), { list, kind: 'index' }]]
  for (const month of list.keys) {
    for (let page = 1; page <= pagesIn(list.months.get(month)!.length); page++) refs.push([monthUrl(list, month, page), { list, kind: 'month', month, page }])
  }
  return refs
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


/** Where `month` is, or would go, in the sorted `keys`. */
function lowerBound(keys: readonly string[], month: string): number {
  let [low, high] = [0, keys.length]
  while (low < high) {
    const middle = (low + high) >> 1
    if (keys[middle] < month) low = middle + 1
    else high = middle
  }
  return low
}

function withRefs<T>(list: Omit<List<T>, 'refs'>): List<T> {
  const full = list as List<T>
  full.refs = refsOf(full)
  return full
}

/** A list grouped by month, afresh. */
function listOf<T extends Article>(items: T[], column: string | undefined): List<T> {
  const months = new Map<string, T[]>()
  for (const n of items) {
    const month = monthOf(n)
    const list = months.get(month)
    if (list) list.push(n)
    else months.set(month, [n])
  }
  return withRefs({ column, items, months, keys: [...months.keys()].sort() })
}

/** `before` with `items` now: only the `touched` months are regrouped (without `gone`, with the `added` that are in the list). */
function patchedList<T extends Article>(before: List<T>, items: T[], touched: Set<string>, gone: Set<T>, added: T[], order: (a: T, b: T) => number): List<T> {
  const months = new Map(before.months)
  const inList = (n: T) => before.column === undefined || n.data.column?.slug === before.column
  for (const month of touched) {
    const list = (months.get(month) ?? []).filter((n) => !gone.has(n))
    for (const n of added) if (inList(n) && monthOf(n) === month) insertSorted(list, n, order)
    if (list.length) months.set(month, list)
    else months.delete(month)
  }
  const keys = before.keys.filter((month) => months.has(month))
  for (const month of touched) if (months.has(month) && !before.months.has(month)) keys.splice(lowerBound(keys, month), 0, month)
  return withRefs({ column: before.column, items, months, keys })
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
  // The months a change can reach: those of the articles it added or removed.
  const touched = new Set<string>([...gone, ...added].map(monthOf))
  const lists = new Map<string, List<T>>()
  for (const [key, items] of members) {
    const column = key === listKey() ? undefined : key.slice(listKey('').length)
    const before = reuse?.lists.get(key)
    if (before?.items === items) {
      lists.set(key, before)
      continue
    }
    const list = before ? patchedList(before, items, touched, gone, added, order) : listOf(items, column)
    lists.set(key, list)
    // The pages whose digests may differ: all afresh; else the newest page, the month index, and
    // every page of each reached month and of the months either side of it (before and now).
    const redo = before ? new Set<string>() : new Set(list.keys)
    if (before) {
      for (const month of touched) {
        for (const keys of [before.keys, list.keys]) {
          const at = lowerBound(keys, month)
          for (const near of [keys[at - 1], keys[at], keys[at + 1]]) if (near !== undefined && list.months.has(near)) redo.add(near)
        }
        for (let page = pagesIn(list.months.get(month)?.length ?? 0) + 1; page <= pagesIn(before.months.get(month)?.length ?? 0); page++) drop(`view:${monthUrl(list, month, page)}`)
      }
    }
    const refs = [list.refs[0], list.refs[1], ...list.refs.filter(([, ref]) => ref.kind === 'month' && redo.has(ref.month))]
    for (const [url, ref] of refs) put(`view:${url}`, refDigest(url, ref))
    put(latestTag(column), JSON.stringify(items.slice(0, LATEST).map((n) => n.id)))
  }
  const pages = new Map<string, PageRef<T>>()
  for (const list of lists.values()) for (const [url, ref] of list.refs) pages.set(url, ref)
  const months = monthsOf(news, reuse?.months, gone, added)
  for (const month of reuse?.months.keys() ?? []) if (!months.has(month)) drop(monthTag(month))
  for (const [month, slugs] of months) if (reuse?.months.get(month) !== slugs) put(monthTag(month), JSON.stringify(slugs))
  put(MONTHS_TAG, JSON.stringify([...months.keys()].sort()))

  const views = { docs, columns, news, bySlug, order, index, related, lists, months, pages, digests, changed }
  put(LEAD_TAG, JSON.stringify(leadOf(views)?.id ?? null))
  return views
}
