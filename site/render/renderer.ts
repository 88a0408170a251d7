// Full and incremental renders of the portal, one code path: a full render renders every URL; a
// change re-renders the pages whose recorded tags it touched, before or after.
//
// What a change touches: for each document that changed (itself, or one that shows it through a
// relation), `doc:<kind>:<slug>` with its old and new slug and `list:<kind>`; each derived view
// (an article's neighbours and related items, one archive page) whose value differs; `routes`
// when URLs come or go. Pages tagged with any of these in the last render are re-rendered, as are
// added URLs; removed URLs leave the manifest.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { type Bundle, openBundle } from './bundle.ts'

import { bundleFingerprint } from './fingerprint.ts'
import { applyChanges, type Change, cmsSource, type ContentSource, loadContent } from './content.ts'
import { copyMedia } from './media.ts'
import { applyDelta, type Deps, type DepsDelta, FRAME_FILE, type Manifest, type ManifestPage, type ManifestWrite, Output } from './output.ts'
import { NOT_FOUND_KEY, RenderError, renderPage, renderQueue, type StoredPage } from './renderPage.ts'
import { type RenderThread, startRenderThread } from './renderThread.ts'
import { type RawContent, replacedDocuments } from '../src/content/cmsSources.ts'

export { NOT_FOUND_KEY, RenderError }
/** Pages in flight at once (this thread renders; the compression thread stores the ones rendered meanwhile). */
const PARALLEL = 8
/** URLs per batch handed to the second render thread of a full render (two batches in flight). */
const THREAD_BATCH = 32
/**
 * Whether a full render uses a second render thread (./renderThread.ts): only when asked for with
 * SITE_RENDER_THREADS=2. Measured on the shared 2-core machine it did not reliably shorten a full
 * render (the thread maps all content again: ~12 s more CPU at 10k news) and it raised the peak
 * memory at 10k news from ~1.3 GB to 1.38-1.54 GB, past the 1.5 GB budget once.
 */
const secondThread = () => Number(process.env.SITE_RENDER_THREADS ?? 1) > 1

/** CMS collection or global → the site's content kind (src/content/schemas.ts). */
const KIND: Record<string, string> = {
  news: 'news', stories: 'stories', events: 'events', families: 'families', workstations: 'workstations', columns: 'columns',
  submissions: 'coverage', 'site-settings': 'settings', 'site-pages': 'pages', navigation: 'navigation',
}

export type Summary = { rendered: number; removed: number; ms: number; urls: string[] }

/** Where the last full or incremental render spent its time (benchmarks, RENDER_TIMINGS). */
export type Timings = { loadMs?: number; fetchMs?: number; analysisMs?: number; renderMs: number; publishMs: number; searchMs: number; pages: number }

/**
 * What a start does about renders it did not see: `always` renders everything (the CMS was asked
 * to); `if-changed` renders everything only if the bundle or renderer changed since the last full
 * render (the fingerprint differs or was never recorded); `never` catches up. Any of them renders
 * everything when the output on disk is not a consistent, complete version.
 */
export type StartMode = 'always' | 'if-changed' | 'never'
/** What a start will do and why (the reason, in Chinese, goes into the CMS log and 站点状态). */
export type StartPlan = { full: boolean; reason: string }

const GLOBAL_KINDS = new Set(['settings', 'pages', 'navigation'])

/** What each document looked like to the last render: its digest and the slug pages knew it by. */
type DocDigests = Record<string, [digest: string, slug: string]>

const digests = new WeakMap<object, string>()
const digestOf = (doc: object) => {
  let digest = digests.get(doc)
  if (!digest) digests.set(doc, (digest = crypto.createHash('sha1').update(JSON.stringify(doc)).digest('base64url')))
  return digest
}

function docDigests(content: RawContent): DocDigests {
  const result: DocDigests = {}
  for (const [collection, docs] of Object.entries(content.collections)) {
    for (const doc of docs) result[`${collection}:${doc.id}`] = [digestOf(doc), String(doc.slug ?? doc.id)]
  }
  for (const [slug, doc] of Object.entries(content.globals)) if (doc) result[`${slug}:${slug}`] = [digestOf(doc), slug]
  return result
}

/**
 * The digests of the documents a change replaced, added or named, and the keys of those it
 * removed: documents are never mutated (a change replaces the object), so the others are the same
 * objects in `before` and `now`, and a change costs what it touched rather than every document.
 */
function changedDocDigests(before: RawContent, now: RawContent, named: Set<string>): { now: DocDigests; gone: string[] } {
  const changed: DocDigests = {}
  const gone: string[] = []
  for (const collection of new Set([...Object.keys(before.collections), ...Object.keys(now.collections)])) {
    const [old, current] = [before.collections[collection] ?? [], now.collections[collection] ?? []]
    if (old === current) continue
    const { added, removed } = replacedDocuments(old, current)
    for (const doc of added) changed[`${collection}:${doc.id}`] = [digestOf(doc), String(doc.slug ?? doc.id)]
    for (const doc of removed) if (!(`${collection}:${doc.id}` in changed)) gone.push(`${collection}:${doc.id}`)
  }
  for (const slug of new Set([...Object.keys(before.globals), ...Object.keys(now.globals)])) {
    const [old, current] = [before.globals[slug], now.globals[slug]]
    if (old === current) continue
    if (current) changed[`${slug}:${slug}`] = [digestOf(current), slug]
    else gone.push(`${slug}:${slug}`)
  }
  for (const key of named) {
    if (key in changed) continue
    const at = key.indexOf(':')
    const [collection, id] = [key.slice(0, at), key.slice(at + 1)]
    const doc = collection === id && collection in now.globals ? now.globals[collection] : now.collections[collection]?.find((d) => String(d.id) === id)
    if (doc) changed[key] = [digestOf(doc), String(doc.slug ?? doc.id)]
    else if (!gone.includes(key)) gone.push(key)
  }
  return { now: changed, gone }
}

/**
 * Tags touched between what the last render saw and `now`: every document added, removed or
 * changed (named ones count as changed anyway), by its old and new slug, and its kind's list.
 * `gone`: the keys of `before` that `now` lacks, when `now` holds only the changed documents
 * (changedDocDigests); without it, `now` is every document and `before` is searched for them.
 * `moved`: whether a document came, went or changed its slug (so URLs may have changed).
 */
function touchedDocs(before: DocDigests, now: DocDigests, named: Set<string>, gone?: string[]): { tags: Set<string>; docs: ChangedDoc[]; delta: DepsDelta['docs']; moved: boolean } {
  const tags = new Set<string>()
  const docs: ChangedDoc[] = []
  const delta: DepsDelta['docs'] = {}
  let moved = false
  // Every key once: the current ones, then the gone ones, then named ones seen in neither.
  const keys: string[] = []
  for (const key in now) {
    const old = before[key]
    if (!old || old[0] !== now[key][0] || named.has(key)) keys.push(key)
  }
  if (gone) {
    for (const key of gone) if (!(key in now)) keys.push(key)
  } else {
    for (const key in before) if (!(key in now)) keys.push(key)
    for (const key of named) if (!(key in now) && !(key in before)) keys.push(key)
  }
  for (const key of keys) {
    const [old, current] = [before[key], now[key]]
    delta[key] = current ?? null
    moved ||= !old || !current || old[1] !== current[1]
    const collection = key.slice(0, key.indexOf(':'))
    docs.push({ collection, id: key.slice(collection.length + 1), published: Boolean(current) })
    const kind = KIND[collection]
    if (!kind) continue
    tags.add(`list:${kind}`)
    for (const entry of [old, current]) if (entry) tags.add(`doc:${kind}:${GLOBAL_KINDS.has(kind) ? collection : entry[1]}`)
  }
  return { tags, docs, delta, moved }
}

/** A CMS document whose public form changed (published: false when it left the site). */
export type ChangedDoc = { collection: string; id: string; published: boolean }

/**
 * Where search indexing plugs in (site/src/search/, issue 12 part B): told after every published
 * version which documents changed, or that everything was rendered afresh. Optional: without one
 * the renderer renders pages only.
 */
export type SearchSink = {
  /** With `swapWhen`, the new index takes the live one's place only once that resolves to true. */
  rebuild(content: RawContent, swapWhen?: Promise<boolean>): void | Promise<void>
  update(content: RawContent, changed: ChangedDoc[]): void | Promise<void>
  /** Readies what the first update would otherwise load (the segmenter's dictionary). */
  warm?(): void
}

const sortedByKey = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

export class Renderer {
  private bundle: Bundle
  private buildDir: string
  private output: Output
  private mediaDir: string
  private content?: RawContent
  private manifest?: Manifest
  private deps?: Deps
  private index = new Map<string, Set<string>>()
  private media = new Set<string>()
  /**
   * The record's view digests as a Map (the same strings the store handed over, so unchanged ones
   * compare by identity; walking a 10k-key object with for…in cost ~15 ms a change).
   */
  private views?: Map<string, string>
  /** The store's generation of `views` (asked what changed since, it names the views to compare). */
  private viewsGeneration?: number
  /** The URLs served now (the manifest's, the 404 page apart), once known. */
  private routes?: Set<string>
  /** Whether the dependency record describes `content` (so a change need only compare what it replaced). */
  private synced = false

  private search?: SearchSink
  lastTimings?: Timings
  private source: ContentSource
  /** The loaded bundle's and this renderer's fingerprint (render/fingerprint.ts), recorded with each full render. */
  readonly fingerprint: string
  /** What computing it took (ms). */
  readonly fingerprintMs: number

  private constructor(bundle: Bundle, buildDir: string, output: Output, mediaDir: string, source: ContentSource, search?: SearchSink) {
    const started = performance.now()
    this.fingerprint = bundleFingerprint(buildDir)
    this.fingerprintMs = Math.round(performance.now() - started)
    this.buildDir = buildDir
    this.search = search
    this.source = source
    this.bundle = bundle
    this.output = output
    this.mediaDir = mediaDir
    this.manifest = output.readManifest()
    this.deps = output.readDeps()
    if (this.deps) this.reindex()
  }

  static async open(options: { buildDir: string; outDir: string; mediaDir: string; source?: ContentSource; search?: SearchSink }) {
    const bundle = await openBundle(options.buildDir)
    return new Renderer(bundle, options.buildDir, new Output(options.outDir), options.mediaDir, options.source ?? cmsSource, options.search ?? bundle.search)
  }

  /** Whether the last render's dependency record matches what is served (else: render in full). */
  get incrementalReady() {
    return Boolean(this.manifest && this.deps && this.manifest.version === this.deps.version)
  }

  /**
   * Whether a start must render everything, and why. Besides a mismatched record
   * (incrementalReady), the output is incomplete when an object the manifest names, the frame
   * or the search index (SEARCH_INDEX, when set) is missing.
   */
  startPlan(mode: StartMode): StartPlan {
    if (!this.manifest) return { full: true, reason: '尚无已生成的门户，全量生成' }
    if (!this.incrementalReady) return { full: true, reason: '上次生成的记录不完整（清单与依赖记录的版本不一致），全量生成' }
    const missing = this.missingOutput()
    if (missing) return { full: true, reason: `已生成的门户不完整（缺少${missing}），全量生成` }
    if (mode === 'always') return { full: true, reason: '设置为每次启动都全量生成（SITE_RENDER_FULL_AT_START=always）' }
    if (mode === 'never') return { full: false, reason: '补上停机期间的更改' }
    const recorded = this.deps!.fingerprint
    if (!recorded) return { full: true, reason: '上次生成时未记录模板标识（旧版生成器的输出），全量生成' }
    if (recorded !== this.fingerprint) return { full: true, reason: '模板已更新，全量生成' }
    return { full: false, reason: '模板未变，跳过启动时的全量生成' }
  }

  /** What of the served version is not on disk (described for the log), if anything. */
  private missingOutput(): string | undefined {
    if (!fs.existsSync(path.join(this.output.dir, FRAME_FILE))) return ` ${FRAME_FILE}`
    const index = process.env.SEARCH_INDEX
    if (this.search && index && !fs.existsSync(index)) return '站内搜索索引'
    const stored = new Set(fs.readdirSync(this.output.objectsDir))
    const lost = Object.values(this.manifest!.pages).filter((page) => !stored.has(page.object)).length
    return lost ? ` ${lost} 个页面文件` : undefined
  }

  async loadContent() {
    this.synced = false
    this.content = await loadContent(this.source)
    this.bundle.setContent(this.content)
  }

  private reindex() {
    this.index.clear()
    for (const [url, tags] of Object.entries(this.deps!.pages)) this.retag(url, [], tags)
  }

  /** Moves `url` in the tag index from the tags it read before to those it reads now. */
  private retag(url: string, before: string[], now: string[]) {
    for (const tag of before) this.index.get(tag)?.delete(url)
    for (const tag of now) {
      const urls = this.index.get(tag) ?? new Set<string>()
      this.index.set(tag, urls.add(url))
    }
  }

  /**
   * Renders and stores each URL; several in flight, so storing one overlaps rendering the next.
   * With `helper` (a second render thread), it takes batches from the same queue.
   */
  private async renderAll(urls: string[], compress: boolean, helper?: Promise<RenderThread>): Promise<StoredPage[]> {
    const results: StoredPage[] = []
    let next = 0
    const take = () => (next < urls.length ? urls[next++] : undefined)
    const done = (page: StoredPage) => {
      results.push(page)
      if (!page.media.length) return
      for (const name of copyMedia(page.media, this.mediaDir, this.output.mediaDir, this.media)) console.error(`[渲染] 未找到图片 ${name}（${page.url}）`)
    }
    const store = (body: Uint8Array, type: string) => this.output.store(body, type, compress)
    const own = renderQueue(take, PARALLEL, (url) => renderPage(this.bundle, url, store), done)
    const helped = async () => {
      const thread = await helper!.catch(() => undefined)
      if (!thread) return
      for (let batch = urls.slice(next, (next = Math.min(urls.length, next + THREAD_BATCH))); batch.length; batch = urls.slice(next, (next = Math.min(urls.length, next + THREAD_BATCH)))) {
        for (const page of await thread.render(batch)) done(page)
      }
    }
    await Promise.all(helper ? [own, helped(), helped()] : [own])
    return results
  }

  private nextVersion() {
    return Math.max(this.manifest?.version ?? 0, this.deps?.version ?? 0) + 1
  }

  private frame(version: number) {
    return { version, collections: { columns: this.content!.collections.columns ?? [] }, globals: this.content!.globals }
  }

  /** What the last publish wrote of the manifest (shards rewritten, bytes), for RENDER_TIMINGS and benchmarks. */
  lastManifestWrite?: ManifestWrite

  /** Writes a version rendered in full: the manifest and the whole dependency record. */
  private publishFull(pages: Record<string, ManifestPage>, tags: Record<string, string[]>) {
    const version = this.nextVersion()
    const manifest: Manifest = { version, pages }
    const views = this.bundle.viewDigests()
    const viewsGeneration = this.bundle.viewGeneration()
    const deps: Deps = { version, pages: sortedByKey(tags), views: Object.fromEntries(views), docs: docDigests(this.content!), fingerprint: this.fingerprint }
    this.lastManifestWrite = this.output.publish(manifest, { full: deps }, this.frame(version))
    this.manifest = manifest
    this.deps = deps
    this.views = views
    this.viewsGeneration = viewsGeneration
    this.reindex()
  }

  /**
   * Writes a version that re-rendered `rendered` and dropped `removed`: the manifest's shards
   * those URLs fall in and its root (what readers switch to at once), and only what changed in the
   * dependency record, appended to its log (in full once the log has grown); `views` and `docs` are
   * the digests that changed (null: gone). The tag index is patched for those URLs alone.
   */
  private publishChange(rendered: StoredPage[], removed: string[], views: DepsDelta['views'], docs: DepsDelta['docs']) {
    const version = this.nextVersion()
    const old = this.deps!
    // Patched in place (the previous version's objects are known to the output by its root, for a
    // prune): should the write fail, the version stays behind the record's and the next change
    // renders in full (incrementalReady).
    const pages = this.manifest!.pages
    for (const page of rendered) pages[page.url] = page.stored
    for (const url of removed) delete pages[url]
    const manifest: Manifest = { version, pages }

    const delta: DepsDelta = { version, pages: {}, views, docs }
    for (const page of rendered) delta.pages[page.url] = page.tags
    for (const url of removed) delta.pages[url] = null

    const retag = Object.keys(delta.pages).map((url) => [url, old.pages[url] ?? [], delta.pages[url] ?? []] as const)
    // A change that re-rendered much of the site (navigation, settings) writes the record in full at once.
    const full = this.output.depsLogFull || rendered.length * 4 > Object.keys(this.manifest!.pages).length
    // Patched in place: should the write fail, the record is a version ahead of the manifest, and
    // the next change renders in full (incrementalReady).
    applyDelta(old, delta)
    this.lastManifestWrite = this.output.publish(manifest, full ? { full: old } : { delta }, this.frame(version), Object.keys(delta.pages))
    this.manifest = manifest
    for (const [url, before, now] of retag) this.retag(url, before, now)
  }

  /** Whether copies are written in the background after a full render (compressAll). */
  private compressing = false

  /**
   * Writes the brotli and gzip copies the served objects lack, in the background, and again after
   * every later full render (which stores plain objects only, to go live sooner). Resolves when
   * this pass is done (or replaced by a full render's). Without it, a full render writes no copies
   * (the nightly check: it only compares hashes).
   */
  compressAll() {
    this.compressing = true
    return this.manifest ? this.output.backfill(this.manifest) : Promise.resolve({ copies: 0, complete: true })
  }

  private resumeBackfill() {
    if (this.compressing && this.manifest) void this.output.backfill(this.manifest)
  }

  /** Loads everything from the CMS and renders every URL (plain objects only: copies come after, see compressAll). */
  async full(): Promise<Summary> {
    const started = Date.now()
    // The render gets the compression thread to itself, and the prune below must not race the backfill's writes.
    await this.output.stopBackfill()
    await this.loadContent()
    const loaded = Date.now()
    const routes = this.bundle.routes()
    const urls = [...routes, NOT_FOUND_KEY]
    // Started now, it loads its bundle while this thread renders the first pages.
    const helper = secondThread() ? startRenderThread(this.buildDir, this.output.dir, this.content!) : undefined
    // A thread that fails to start leaves the work to this one.
    helper?.catch((error) => console.error(`[渲染] ${(error as Error).message}`))
    // With one render thread, the search index is rebuilt while the pages render: its segmenter
    // threads and writes use the time this thread waits for the compression thread. It takes the
    // live index's place only once the pages are published (and not at all if they fail).
    // With a second render thread, after it: both at once would pass 1.5 GB at 10k news (1.78 GB
    // measured, against 1.38 GB one after the other).
    let pagesPublished: (published: boolean) => void = () => {}
    const overlapped = helper ? undefined : this.indexSearch(() => this.search?.rebuild(this.content!, new Promise<boolean>((resolve) => (pagesPublished = resolve))))
    let rendered: StoredPage[]
    try {
      rendered = await this.renderAll(urls, false, helper)
    } catch (error) {
      pagesPublished(false)
      await overlapped
      this.resumeBackfill()
      throw error
    } finally {
      await helper?.then((thread) => thread.close(), () => undefined)
    }
    const renderedAt = Date.now()
    const pages = rendered.map((page) => [page.url, page.stored] as const)
    try {
      this.publishFull(Object.fromEntries(pages), Object.fromEntries(rendered.map((page) => [page.url, page.tags])))
    } catch (error) {
      pagesPublished(false)
      await overlapped
      this.resumeBackfill()
      throw error
    }
    pagesPublished(true)
    this.routes = new Set(routes)
    this.synced = true
    // Incremental renders only add objects; a full render (deploys, nightly) clears out the old ones.
    this.output.prune()
    this.replacedSincePrune = 0
    this.resumeBackfill()
    const published = Date.now()
    await (overlapped ?? this.indexSearch(() => this.search?.rebuild(this.content!)))
    // With the rebuild overlapped, searchMs is what it still took once the pages were published.
    this.lastTimings = { loadMs: loaded - started, renderMs: renderedAt - loaded, publishMs: published - renderedAt, searchMs: Date.now() - published, pages: rendered.length }
    return { rendered: rendered.length, removed: 0, ms: Date.now() - started, urls: urls.slice(0, 50) }
  }

  /** Applies CMS changes and re-renders the pages they reach. Nothing is published unless all of it renders. */
  async change(changes: Change[]): Promise<Summary> {
    if (!this.content) await this.loadContent()
    if (!this.incrementalReady) return this.full()
    // The backfill of a full render's copies waits while the change is read, rendered, published and indexed.
    this.output.pauseBackfill(true)
    try {
      return await this.applyChange(changes)
    } finally {
      this.output.pauseBackfill(false)
    }
  }

  private async applyChange(changes: Change[]): Promise<Summary> {
    const fetched = Date.now()
    const { content } = await applyChanges(this.content!, changes, this.source)
    const fetchMs = Date.now() - fetched
    if (process.env.RENDER_TIMINGS) console.error(`[渲染] 读取更改 ${fetchMs} ms`)
    const named = new Set(changes.map((change) => (change.kind === 'doc' ? `${change.collection}:${change.id}` : `${change.slug}:${change.slug}`)))
    const summary = await this.rerender(content, named, this.synced)
    if (this.lastTimings) this.lastTimings.fetchMs = fetchMs
    return summary
  }

  /**
   * Brings the output up to the content loaded at start (changes a stopped worker never saw, or
   * saw and died on). Nothing to do when the last render saw this content.
   */
  async catchUp(): Promise<Summary> {
    if (!this.content) await this.loadContent()
    if (!this.incrementalReady) return this.full()
    return this.rerender(this.content!, new Set(), false)
  }

  /** Prepares the search index's segmenter (its dictionary takes ~0.3 s to load), so the first change does not pay for it. */
  warmSearch() {
    try {
      this.search?.warm?.()
    } catch (error) {
      console.error(`[渲染] 站内搜索分词器加载失败：${(error as Error).message}`)
    }
  }

  /** When pages that show upcoming events next change by themselves (ms since the epoch), if ever. */
  nextClockChange(): number | undefined {
    return this.bundle.nextClockChange()
  }

  /**
   * Renders what changed from the last render to `content`. `fromLast`: the record describes the
   * content held now, so only the documents `content` replaced are compared (a change); else every
   * document is (after a restart).
   */
  private async rerender(content: RawContent, named: Set<string>, fromLast: boolean): Promise<Summary> {
    const started = Date.now()
    const before = this.content!
    const recorded = this.deps!.docs ?? {}
    const changed = fromLast ? changedDocDigests(before, content, named) : undefined
    const { tags: touched, docs: changedDocs, delta: docsDelta, moved } = changed
      ? touchedDocs(recorded, changed.now, named, changed.gone)
      : touchedDocs(recorded, docDigests(content), named)
    this.synced = false
    this.content = content
    this.bundle.setContent(content)
    try {
      const oldViews = (this.views ??= new Map(Object.entries(this.deps!.views)))
      // What the store says may have changed since the views last rendered; else every view.
      const since = this.viewsGeneration === undefined ? undefined : this.bundle.viewChangesSince(this.viewsGeneration)
      const newViews = since ? undefined : this.bundle.viewDigests()
      const viewsDelta: DepsDelta['views'] = {}
      let viewsCameOrWent = false
      for (const [tag, digest] of since?.changed ?? newViews!) {
        const old = oldViews.get(tag)
        if (old === (digest ?? undefined)) continue
        touched.add(tag)
        viewsDelta[tag] = digest
        viewsCameOrWent ||= old === undefined || digest === null
      }
      if (newViews) {
        for (const tag of oldViews.keys()) {
          if (newViews.has(tag)) continue
          touched.add(tag)
          viewsDelta[tag] = null
          viewsCameOrWent = true
        }
      }
      const viewsGeneration = since?.generation ?? this.bundle.viewGeneration()

      // URLs are documents' and archive pages' (store routes()): unless one came, went or was
      // renamed, they are the same, and comparing 11k URLs is skipped.
      let [added, removed]: string[][] = [[], []]
      let newRoutes: Set<string> | undefined
      if (!changed || moved || viewsCameOrWent) {
        const oldRoutes = this.routes ?? new Set(Object.keys(this.manifest!.pages).filter((url) => url !== NOT_FOUND_KEY))
        newRoutes = new Set(this.bundle.routes())
        added = [...newRoutes].filter((url) => !oldRoutes.has(url))
        removed = [...oldRoutes].filter((url) => !newRoutes!.has(url))
      }
      if (added.length || removed.length) touched.add('routes')

      const affected = new Set(added)
      for (const tag of touched) for (const url of this.index.get(tag) ?? []) affected.add(url)
      for (const url of removed) affected.delete(url)

      const urls = [...affected].sort()
      const planned = Date.now()
      // A change's pages have their copies before its manifest goes live.
      const rendered = await this.renderAll(urls, true)
      const renderedAt = Date.now()
      // Nothing to record (a start after which nothing changed): the served version stays as it is.
      const nothing = !rendered.length && !removed.length && !Object.keys(viewsDelta).length && !Object.keys(docsDelta).length
      if (!nothing) this.publishChange(rendered, removed, viewsDelta, docsDelta)
      if (newViews) this.views = newViews
      else for (const [tag, digest] of Object.entries(viewsDelta)) digest === null ? oldViews.delete(tag) : oldViews.set(tag, digest)
      this.viewsGeneration = viewsGeneration
      if (newRoutes) this.routes = newRoutes
      this.synced = true
      const published = Date.now()
      if (process.env.RENDER_TIMINGS) console.error(`[渲染] 分析 ${planned - started} ms，生成 ${urls.length} 页 ${renderedAt - planned} ms，写入清单 ${published - renderedAt} ms（${this.lastManifestWrite?.shards} 个分片，${this.lastManifestWrite?.bytes} 字节）`)
      if (changedDocs.length) await this.indexSearch(() => this.search?.update(content, changedDocs))
      this.lastTimings = { analysisMs: planned - started, renderMs: renderedAt - planned, publishMs: published - renderedAt, searchMs: Date.now() - published, pages: urls.length }
      this.replacedSincePrune += rendered.length
      return { rendered: rendered.length, removed: removed.length, ms: Date.now() - started, urls: urls.slice(0, 50) }
    } catch (error) {
      // The served version and the recorded state stay as they were; the change can be sent again.
      this.content = before
      this.bundle.setContent(before)
      throw error
    }
  }

  /** Pages that changes re-rendered since objects no manifest names were last removed. */
  private replacedSincePrune = 0

  /**
   * Changes only add objects. Once they have replaced half as many pages as the site has (one
   * navigation or settings change replaces them all), the objects neither the live nor the previous
   * manifest names are removed, so the output does not grow between full renders (a restart after
   * four navigation changes at 10k news had ~130,000 old files to delete). The worker calls this
   * after answering a change, so the clear-out (tens of seconds at 50k) delays only the next change,
   * not the change's record.
   */
  async tidy(): Promise<void> {
    if (!this.manifest || this.replacedSincePrune * 2 < Object.keys(this.manifest.pages).length) return
    this.replacedSincePrune = 0
    // The backfill must not write copies of an object while it is removed; it starts again after.
    await this.output.stopBackfill()
    const started = Date.now()
    const removed = this.output.prune()
    console.error(`[渲染] 清理旧版本的页面文件：删除 ${removed} 个，用时 ${Date.now() - started} 毫秒`)
    this.resumeBackfill()
  }

  /** The pages are live by now: a search index that fails is reported, not a failed render. */
  private async indexSearch(work: () => unknown) {
    try {
      await work()
    } catch (error) {
      console.error(`[渲染] 站内搜索索引更新失败：${(error as Error).message}`)
    }
  }

  async close() {
    await this.output.close()
    await this.bundle.close()
  }
}
