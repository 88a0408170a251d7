// The published content, in memory, for pages: the only way a page reads content.
//
// The renderer (site/render/) loads the CMS's raw documents into a slot shared through globalThis
// (this module is bundled into the server build and has no other way to meet it), and patches
// them per change. Documents are mapped and checked (./schemas.ts) the first time a page reads
// them. Every read records a dependency tag for the page being rendered (an AsyncLocalStorage set
// that the renderer opens per request): `doc:<name>:<id>` for one entry, `list:<name>` for a
// whole collection (any change in it re-renders the page), `view:<key>` for a derived view
// (neighbours and related items, one list page) whose value the renderer compares before and
// after each change, and `routes` for the set of URLs (sitemaps).
import { AsyncLocalStorage } from 'node:async_hooks'

import { rebuildSearch, updateSearch, warmSearch } from '../search/sink'
import { shownCoverage } from '../utils/coverage'
import { newestFirst } from '../utils/dates'
import * as paths from '../utils/paths'
import { idDescending, type RawContent, SHARED_KEY } from './cmsSources'
import { archiveIndexOf, archivePageOf, articleOf, LEAD_TAG, latestOf, latestTag, leadOf, monthTag, MONTHS_TAG, newsViews, type NewsViews } from './newsViews'
import { sitemapPages } from '../utils/sitemapXml'
import { type ContentData, type ContentName, sources } from './schemas'

export type CollectionEntry<K extends ContentName> = { id: string; collection: K; data: ContentData<K> }

type Shared = { raw?: RawContent; als: AsyncLocalStorage<Set<string>>; api?: StoreApi }
const shared: Shared = ((globalThis as any)[SHARED_KEY] ??= { als: new AsyncLocalStorage<Set<string>>() })

const record = (tag: string) => shared.als.getStore()?.add(tag)

const mapped = new WeakMap<object, CollectionEntry<any>>()
/** The raw id of each mapped entry: ties in the news order go by it, as the CMS orders documents. */
const rawIds = new WeakMap<object, unknown>()

function entryOf<K extends ContentName>(name: K, doc: any): CollectionEntry<K> {
  let entry = mapped.get(doc)
  if (!entry) {
    const source = sources[name]
    const id = source.kind === 'global' ? source.slug : String(doc.slug ?? doc.id)
    try {
      entry = { id, collection: name, data: source.schema.parse(source.map(doc)) }
    rawIds.set(entry, doc.id)
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

// Derived views, cached per content version and carried from one version to the next (./newsViews.ts).

type News = CollectionEntry<'news'>

const newsOrder = (a: News, b: News) => newestFirst(a.data.publishedAt, b.data.publishedAt) || idDescending(rawIds.get(a), rawIds.get(b))

type Views = {
  raw: RawContent
  version: number
  news: NewsViews<News>
  /** "<collection>:<slug>" → the outlets' coverage of that item shown on its page. */
  coverage: Map<string, CollectionEntry<'coverage'>[]>
  /** The digests of the views besides the news views (coverage, the sitemap's other pages). */
  other: Map<string, string>
  /** Counts the versions computed, so the renderer can ask what changed since the one it last rendered. */
  generation: number
}
let cache: Views | undefined

function views(): Views {
  const raw = shared.raw ?? { version: 0, collections: {}, globals: {} }
  if (cache && cache.raw === raw && cache.version === raw.version) return cache
  // The previous version's views are patched into this one (newsViews): taken out of the cache
  // first, so that should anything below throw, the next call computes afresh.
  const before = cache
  const previous = shared.raw ? before?.news : undefined
  cache = undefined
  const columns = entries('columns').map((column) => column.id)
  const news = newsViews(previous, raw.collections.news ?? [], columns, (doc) => entryOf('news', doc), newsOrder)
  const coverage = new Map<string, CollectionEntry<'coverage'>[]>()
  for (const entry of shownCoverage(entries('coverage'))) {
    const key = `${entry.data.item.collection}:${entry.data.item.slug}`
    coverage.set(key, [...(coverage.get(key) ?? []), entry])
  }
  const result: Views = { raw, version: raw.version, news, coverage, other: new Map(), generation: ++generation }
  for (const [key, list] of coverage) result.other.set(`view:coverage:${key}`, JSON.stringify(list.map((c) => c.id)))
  result.other.set(OTHER_PAGES_VIEW, JSON.stringify(otherPagesOf(result)))
  logChanges(result, previous && before?.other)
  if (shared.raw) cache = result
  return result
}

/** Each computed version's generation and the tags whose digests it changed ('all': computed afresh). */
const changeLog: { generation: number; tags: Set<string> | 'all' }[] = []
let generation = 0

function logChanges(current: Views, previousOther: Map<string, string> | undefined) {
  let tags: Set<string> | 'all' = 'all'
  if (previousOther && current.news.changed) {
    tags = new Set(current.news.changed)
    for (const [tag, digest] of current.other) if (previousOther.get(tag) !== digest) tags.add(tag)
    for (const tag of previousOther.keys()) if (!current.other.has(tag)) tags.add(tag)
  }
  changeLog.push({ generation: current.generation, tags })
  if (changeLog.length > 64) changeLog.shift()
}

/** An article with its neighbours in its column and its related articles, or undefined. */
export function newsContext(slug: string) {
  record(`view:${paths.newsPath(slug)}`)
  const context = articleOf(views().news, slug)
  if (context) uses([context.entry, context.newer, context.older, ...context.related])
  else record(`doc:news:${slug}`)
  return context
}

/**
 * The newest news, of one column if given (at most LATEST): the page depends on which articles they
 * are and on each of them, not on every article (a withdrawal further back does not reach it).
 */
export function latestNews(limit: number, column?: string): News[] {
  record(latestTag(column))
  const items = latestOf(views().news, limit, column)
  uses(items)
  return items
}

/** The newest article with a cover photo (the home page's lead story), if any. */
export function leadNews(): News | undefined {
  record(LEAD_TAG)
  const lead = leadOf(views().news)
  uses([lead])
  return lead
}

/** The newest page or one month page of a news list (all news, or one column's) by its URL, or undefined. */
export function archivePage(url: string) {
  record(`view:${url}`)
  const page = archivePageOf(views().news, url)
  if (page) uses(page.items)
  return page
}

/** The month index of a news list (its months and how many articles each) by its URL, or undefined. */
export function archiveIndex(url: string) {
  record(`view:${url}`)
  return archiveIndexOf(views().news, url)
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

// The search engines' sitemap: one file for the pages other than articles, one per month of
// articles (so a publish or a withdrawal re-renders its month's file, not a list of every URL).

/** The months that have articles (YYYYMM), oldest first: the sitemap index lists their files. */
export function sitemapMonths(): string[] {
  record(MONTHS_TAG)
  return [...views().news.months.keys()].sort()
}

/** The article URLs of one month's sitemap file, sorted (none for a month without articles). */
export function sitemapMonth(month: string): string[] {
  record(monthTag(month))
  return (views().news.months.get(month) ?? []).map(paths.newsPath)
}

const OTHER_PAGES_VIEW = 'view:sitemap:pages'

/** Every page for the sitemap but the articles (those are in the month files), sorted. */
export function sitemapOtherPages(): string[] {
  record(OTHER_PAGES_VIEW)
  return otherPages()
}

const otherPagesCache = new WeakMap<Views, string[]>()
function otherPagesOf(current: Views): string[] {
  let pages = otherPagesCache.get(current)
  if (!pages) otherPagesCache.set(current, (pages = sitemapPages(otherRoutes(current))))
  return pages
}
const otherPages = () => otherPagesOf(views())

// For the renderer.

/** What each derived view shows (ids and links), to tell which pages a change reaches. */
function viewDigests(): Map<string, string> {
  const { news, other } = views()
  const digests = new Map([...news.digests, ...other])
  digests.set(CLOCK_VIEW, JSON.stringify(upcomingEventIds(new Date())))
  return digests
}

/** The generation of the views viewDigests() just described. */
const viewGeneration = () => views().generation

/**
 * The views whose digests may differ from those of generation `since` (null: gone), with their
 * digests now; undefined when that is not known (computed afresh since, or too long ago): then
 * compare viewDigests() in full. Spares comparing 10k digests per change.
 */
function viewChangesSince(since: number): { generation: number; changed: Map<string, string | null> } | undefined {
  const current = views()
  const later = changeLog.filter((entry) => entry.generation > since)
  if (later.length !== current.generation - since || later.some((entry) => entry.tags === 'all')) return undefined
  const changed = new Map<string, string | null>()
  for (const entry of later) for (const tag of entry.tags) changed.set(tag, current.news.digests.get(tag) ?? current.other.get(tag) ?? null)
  changed.set(CLOCK_VIEW, JSON.stringify(upcomingEventIds(new Date())))
  return { generation: current.generation, changed }
}

/** Pages that always exist. */
const FIXED_PAGES = [
  paths.homePath, paths.storiesPath, paths.workstationsPath, paths.eventsPath, paths.familiesPath, paths.mediaCoveragePath,
  paths.aboutPath, paths.litigationPath, paths.culturePath, paths.sitemapPath, paths.accessibilityPath,
  paths.rssPath, '/robots.txt', '/favicon-32.png', '/apple-touch-icon.png', '/sitemap-index.xml', '/sitemap-0.xml',
]

/** The URLs of everything but the articles. */
function otherRoutes(current: Views): string[] {
  const urls = [...FIXED_PAGES, ...current.news.pages.keys()]
  for (const month of current.news.months.keys()) urls.push(paths.sitemapMonthPath(month))
  for (const { id } of entries('stories')) urls.push(paths.storyPath(id))
  for (const { id } of entries('events')) urls.push(paths.eventPath(id), paths.eventIcsPath(id))
  for (const { id } of entries('families')) urls.push(paths.familyPath(id))
  for (const { id } of entries('workstations')) urls.push(paths.workstationPath(id))
  for (const { id } of entries('columns')) urls.push(paths.columnRssPath(id))
  return urls
}

/** Every URL the renderer writes (the 404 page apart). */
export function routes(): string[] {
  record('routes')
  const current = views()
  const urls = otherRoutes(current)
  for (const n of current.news.news) urls.push(paths.newsPath(n.id))
  return [...new Set(urls)]
}

export type StoreApi = {
  routes: () => string[]
  viewDigests: () => Map<string, string>
  viewGeneration: typeof viewGeneration
  viewChangesSince: typeof viewChangesSince
  nextClockChange: () => number | undefined
  rebuildSearch: typeof rebuildSearch
  updateSearch: typeof updateSearch
  warmSearch: typeof warmSearch
  /** Astro's App entry over this bundle's manifest: the renderer renders through it directly instead of over HTTP (imported on demand: it exists only in a build). */
  appEntry: () => Promise<typeof import('astro/app/entrypoint')>
}
const appEntry = () => import('astro/app/entrypoint')
shared.api = { routes, viewDigests, viewGeneration, viewChangesSince, nextClockChange, rebuildSearch, updateSearch, warmSearch, appEntry }
