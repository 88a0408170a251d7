// The published content, in memory, for pages: the only way a page reads content.
//
// The renderer (site/render/) loads the CMS's raw documents into a slot shared through globalThis
// (this module is bundled into the server build and has no other way to meet it), and patches
// them per change. Documents are mapped and checked (./schemas.ts) the first time a page reads
// them. Every read records a dependency tag for the page being rendered (an AsyncLocalStorage set
// that the renderer opens per request): `doc:<name>:<id>` for one entry, `list:<name>` for a
// whole collection (any change in it re-renders the page), `view:<key>` for a derived view
// (neighbours and related items, one archive page) whose value the renderer compares before and
// after each change, and `routes` for the set of URLs (sitemaps).
import { AsyncLocalStorage } from 'node:async_hooks'

import { columnNeighbours, relatedNews } from '../pages/news/_related'
import { rebuildSearch, updateSearch } from '../search/sink'
import { shownCoverage } from '../utils/coverage'
import { newestFirst } from '../utils/dates'
import * as paths from '../utils/paths'
import { type RawContent, SHARED_KEY } from './cmsSources'
import { type ContentData, type ContentName, sources } from './schemas'

export type CollectionEntry<K extends ContentName> = { id: string; collection: K; data: ContentData<K> }

type Shared = { raw?: RawContent; als: AsyncLocalStorage<Set<string>>; api?: StoreApi }
const shared: Shared = ((globalThis as any)[SHARED_KEY] ??= { als: new AsyncLocalStorage<Set<string>>() })

const record = (tag: string) => shared.als.getStore()?.add(tag)

const mapped = new WeakMap<object, CollectionEntry<any>>()

function entryOf<K extends ContentName>(name: K, doc: any): CollectionEntry<K> {
  let entry = mapped.get(doc)
  if (!entry) {
    const source = sources[name]
    const id = source.kind === 'global' ? source.slug : String(doc.slug ?? doc.id)
    try {
      entry = { id, collection: name, data: source.schema.parse(source.map(doc)) }
    } catch (error) {
      throw new Error(`${name} ${id}: ${(error as Error).message}`)
    }
    mapped.set(doc, entry)
  }
  return entry as CollectionEntry<K>
}

function entries<K extends ContentName>(name: K): CollectionEntry<K>[] {
  const raw = shared.raw
  if (!raw) return []
  const source = sources[name]
  if (source.kind === 'global') {
    const doc = raw.globals[source.slug]
    return doc ? [entryOf(name, doc)] : []
  }
  return (raw.collections[source.slug] ?? []).map((doc) => entryOf(name, doc))
}

/** Every published entry of a kind (a new array: callers may sort it). The page depends on all of them. */
export async function getCollection<K extends ContentName>(name: K, filter?: (entry: CollectionEntry<K>) => unknown): Promise<CollectionEntry<K>[]> {
  record(`list:${name}`)
  const all = entries(name)
  return filter ? all.filter(filter) : [...all]
}

/** One entry by its id (slug; a global's CMS slug). The page depends on it alone. */
export async function getEntry<K extends ContentName>(name: K, id: string): Promise<CollectionEntry<K> | undefined> {
  record(`doc:${name}:${id}`)
  return entries(name).find((entry) => entry.id === id)
}

const uses = <K extends ContentName>(list: (CollectionEntry<K> | undefined)[]) => {
  for (const entry of list) if (entry) record(`doc:${entry.collection}:${entry.id}`)
}

// Derived views, computed for all entries at once and cached per content version.

type News = CollectionEntry<'news'>
type ArchiveNav = { current: number; newer?: string; older?: string; pages: { n: number; href: string }[] }
type ArchivePage = { url: string; title: number; items: News[]; nav: ArchiveNav }

/** Articles on the newest page of a list and in each archive page. */
export const PAGE_SIZE = 20
/** Archive pages linked on either side of the current one. */
const WINDOW = 2

type Views = {
  news: Map<string, { entry: News; newer?: News; older?: News; related: News[] }>
  archives: Map<string, ArchivePage>
  /** "<collection>:<slug>" → the outlets' coverage of that item shown on its page. */
  coverage: Map<string, CollectionEntry<'coverage'>[]>
}
let cache: { version: number; raw: RawContent; views: Views; news: News[]; related: Map<News, News[]> } | undefined

/**
 * Stable pagination: the newest page (`/news/`) shows the newest PAGE_SIZE; archive pages
 * (`/news/page/K/`) are fixed buckets counted from the oldest, so a new article changes the newest
 * page and, once every PAGE_SIZE articles, adds a bucket — never the content of the others.
 * Page 0 below is the newest page.
 */
function archivePages(newestFirstItems: News[], url: (page: number) => string): ArchivePage[] {
  const oldestFirst = [...newestFirstItems].reverse()
  const buckets = Math.floor(Math.max(0, oldestFirst.length - 1) / PAGE_SIZE)
  const navOf = (current: number): ArchiveNav => {
    const top = current === 0 ? buckets : current
    const shown = new Set<number>([0])
    for (let n = Math.min(buckets, top + WINDOW); n >= Math.max(1, top - WINDOW); n--) shown.add(n)
    if (buckets > 0) shown.add(1)
    const newer = current === 0 ? undefined : current === buckets ? url(0) : url(current + 1)
    const older = current === 0 ? (buckets > 0 ? url(buckets) : undefined) : current > 1 ? url(current - 1) : undefined
    return { current, newer, older, pages: [...shown].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : b - a)).map((n) => ({ n, href: url(n) })) }
  }
  const pages: ArchivePage[] = [{ url: url(0), title: 0, items: newestFirstItems.slice(0, PAGE_SIZE), nav: navOf(0) }]
  for (let k = 1; k <= buckets; k++) {
    pages.push({ url: url(k), title: k, items: oldestFirst.slice((k - 1) * PAGE_SIZE, k * PAGE_SIZE).reverse(), nav: navOf(k) })
  }
  return pages
}

function views(): Views {
  const raw = shared.raw
  if (cache && raw && cache.raw === raw && cache.version === raw.version) return cache.views
  const news = entries('news').sort((a, b) => newestFirst(a.data.publishedAt, b.data.publishedAt))
  const neighbours = columnNeighbours(news)
  const related = relatedNews(news, cache)
  const result: Views = { news: new Map(), archives: new Map(), coverage: new Map() }
  for (const entry of shownCoverage(entries('coverage'))) {
    const key = `${entry.data.item.collection}:${entry.data.item.slug}`
    result.coverage.set(key, [...(result.coverage.get(key) ?? []), entry])
  }
  for (const entry of news) result.news.set(entry.id, { entry, ...neighbours.get(entry), related: related.get(entry) ?? [] })
  const lists: [string, News[], (n: number) => string][] = [['all', news, paths.newsIndexPath]]
  for (const column of entries('columns')) {
    lists.push([column.id, news.filter((n) => n.data.column?.slug === column.id), (n) => paths.columnPath(column.id, n)])
  }
  for (const [, items, url] of lists) for (const page of archivePages(items, url)) result.archives.set(page.url, page)
  if (raw) cache = { version: raw.version, raw, views: result, news, related }
  return result
}

/** An article with its neighbours in its column and its related articles, or undefined. */
export function newsContext(slug: string) {
  record(`view:${paths.newsPath(slug)}`)
  const context = views().news.get(slug)
  if (context) uses([context.entry, context.newer, context.older, ...context.related])
  else record(`doc:news:${slug}`)
  return context
}

/** One page of a news list (all news, or one column's) by its URL, or undefined. */
export function archivePage(url: string) {
  record(`view:${url}`)
  const page = views().archives.get(url)
  if (page) uses(page.items)
  return page
}

/** The coverage of one item (news, stories, events, families), for its own page. */
export function coverageFor(collection: 'news' | 'stories' | 'events' | 'families', slug: string): CollectionEntry<'coverage'>[] {
  const key = `${collection}:${slug}`
  record(`view:coverage:${key}`)
  const list = views().coverage.get(key) ?? []
  uses(list)
  return list
}

// Time: pages that split events into upcoming and past read the clock through here, so the
// renderer knows them. Their view is the set of upcoming events, compared like any other view, and
// the render worker re-renders them when the next event starts (nextClockChange).

const CLOCK_VIEW = 'view:clock:events'

/** The current time, for a page that shows upcoming events. */
export function clockNow(): Date {
  record(CLOCK_VIEW)
  return new Date()
}

const upcomingEventIds = (now: Date) => entries('events').filter((e) => e.data.startAt >= now).map((e) => e.id).sort()

/** When the next upcoming event starts (ms since the epoch): from then on, pages of the clock view show it as past. */
function nextClockChange(): number | undefined {
  const now = Date.now()
  let next: number | undefined
  for (const { data } of entries('events')) {
    const at = data.startAt.getTime()
    if (at >= now && (next === undefined || at < next)) next = at
  }
  return next
}

// For the renderer.

/** What each derived view shows (ids and links), to tell which pages a change reaches. */
function viewDigests(): Map<string, string> {
  const { news, archives, coverage } = views()
  const digests = new Map<string, string>()
  for (const [slug, c] of news) digests.set(`view:${paths.newsPath(slug)}`, JSON.stringify([c.newer?.id, c.older?.id, c.related.map((n) => n.id)]))
  for (const [url, page] of archives) digests.set(`view:${url}`, JSON.stringify([page.items.map((n) => n.id), page.nav]))
  for (const [key, list] of coverage) digests.set(`view:coverage:${key}`, JSON.stringify(list.map((c) => c.id)))
  digests.set(CLOCK_VIEW, JSON.stringify(upcomingEventIds(new Date())))
  return digests
}

/** Pages that always exist. */
const FIXED_PAGES = [
  paths.homePath, paths.storiesPath, paths.workstationsPath, paths.eventsPath, paths.familiesPath, paths.mediaCoveragePath,
  paths.aboutPath, paths.litigationPath, paths.culturePath, paths.sitemapPath, paths.accessibilityPath,
  paths.rssPath, '/robots.txt', '/favicon-32.png', '/apple-touch-icon.png', '/sitemap-index.xml', '/sitemap-0.xml',
]

/** Every URL the renderer writes (the 404 page apart). */
export function routes(): string[] {
  record('routes')
  const urls = [...FIXED_PAGES, ...views().archives.keys()]
  for (const { id } of entries('news')) urls.push(paths.newsPath(id))
  for (const { id } of entries('stories')) urls.push(paths.storyPath(id))
  for (const { id } of entries('events')) urls.push(paths.eventPath(id), paths.eventIcsPath(id))
  for (const { id } of entries('families')) urls.push(paths.familyPath(id))
  for (const { id } of entries('workstations')) urls.push(paths.workstationPath(id))
  for (const { id } of entries('columns')) urls.push(paths.columnRssPath(id))
  return [...new Set(urls)]
}

export type StoreApi = {
  routes: () => string[]
  viewDigests: () => Map<string, string>
  nextClockChange: () => number | undefined
  rebuildSearch: typeof rebuildSearch
  updateSearch: typeof updateSearch
  /** Astro's App entry over this bundle's manifest: the renderer renders through it directly instead of over HTTP (imported on demand: it exists only in a build). */
  appEntry: () => Promise<typeof import('astro/app/entrypoint')>
}
const appEntry = () => import('astro/app/entrypoint')
shared.api = { routes, viewDigests, nextClockChange, rebuildSearch, updateSearch, appEntry }
