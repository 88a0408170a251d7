// `npm run bench -- render`: the page renderer (site/render/) alone, without a CMS. The demo seed is
// dumped once through the CMS's real REST handlers (anonymous, depth 1: the shape the renderer
// reads), then news from the realistic corpus (tests/bench/corpus/) are built in that same shape up
// to each size and handed to the renderer through an in-memory ContentSource. Each size runs in a
// child process of its own, so its peak RSS is its own. Reports the full render (pages, then the
// search rebuild) and the cost of single changes. RENDER_BENCH_SIZES=1000,10000,50000 by default.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

import { paragraphsToLexical } from '../../cms/src/seed/lexical'
import { readManifest } from '../../site/render/manifest'
import { ensureSiteBundle } from '../helpers/liveSite'
import { siteDir } from '../helpers/paths'
import { seedPassword } from '../helpers/portal'
import type { Log, Table } from './cms'
import { corpusNews } from './corpus/index'
import { round } from './stats'
import { startThreadSampler, type ThreadReport } from './threadCpu'

const SIZES = (process.env.RENDER_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number)
const collections = ['news', 'stories', 'events', 'families', 'workstations', 'columns', 'submissions']
const globals = ['site-settings', 'site-pages', 'navigation']

type Dump = { collections: Record<string, any[]>; globals: Record<string, any> }
/** `manifestShards`/`manifestKB`: the manifest shards the change wrote and the bytes (shards + root). */
export type ChangeRun = {
  change: string; fetchMs: number; analysisMs: number; pages: number; renderMs: number; publishMs: number; searchMs: number; totalMs: number; manifestShards?: number; manifestKB?: number
  /** Garbage collection during the change (this thread) and the heap in use once it was answered. */
  gcMs?: number; heapUsedMB?: number
  /** What the clear-out after it took (Renderer.tidy; 0 when there was nothing to clear). */
  tidyMs?: number
}
export type RenderRun = {
  news: number
  pages: number
  fullRender: {
    loadMs: number; pagesSeconds: number; publishMs: number; searchSeconds: number; totalSeconds: number
    /** CPU time (user + system) of the full render, all threads, and of the render thread alone: comparable on a shared machine where wall time is not. */
    cpuSeconds: number; renderThreadCpuSeconds: number
    /** Until every brotli/gzip copy is written: the full render publishes plain objects, the backfill thread follows (Renderer.compressAll). */
    allCopiesSeconds?: number; copiesWritten?: number
  }
  peakRssMB: number
  /** The full render's CPU per thread name (/proc, every 100 ms), cores used, and a timeline in 2 s slices. */
  fullRenderThreads?: ThreadReport
  /** The same for the backfill after it (until every copy is written). */
  backfillThreads?: ThreadReport
  changes: ChangeRun[]
}
export type RenderResults = { settings: { sizes: number[]; corpus: string }; runs: RenderRun[] }

const benchFile = fileURLToPath(import.meta.url)

export async function benchRender(log: Log): Promise<RenderResults> {
  ensureSiteBundle()
  const bundle = path.join(siteDir, 'dist')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-render-bench-'))
  try {
    log('seeding the demo content and reading it back over REST …')
    const dumpFile = path.join(work, 'seed.json')
    await dumpSeed(dumpFile, path.join(work, 'media'))
    const runs: RenderRun[] = []
    for (const size of SIZES) {
      log(`rendering ${size} news in a child process …`)
      const resultFile = path.join(work, `result-${size}.json`)
      const outDir = path.join(work, `out-${size}`)
      const child = spawnSync(process.execPath, [...process.execArgv, benchFile, 'child', dumpFile, String(size), outDir, resultFile, bundle, path.join(work, 'media')], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, SEARCH_INDEX: path.join(outDir, 'search.sqlite') },
      })
      if (child.status !== 0) throw new Error(`the render bench at ${size} news failed (exit ${child.status})`)
      runs.push(JSON.parse(fs.readFileSync(resultFile, 'utf8')))
      fs.rmSync(outDir, { recursive: true, force: true })
    }
    return { settings: { sizes: SIZES, corpus: 'demo seed (REST depth 1) + tests/bench/corpus news' }, runs }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

/** The demo seed as an anonymous reader gets it from the REST API, and its photos. */
export async function dumpSeed(file: string, mediaTarget: string) {
  // Imported here: the render child must not load Payload (its RSS is the renderer's own).
  const [{ seed }, { restClient }, { startTestPayload }] = await Promise.all([
    import('../../cms/src/seed/index'), import('../../cms/src/testing/restClient'), import('../../cms/src/testing/testPayload'),
  ])
  process.env.SEED_PASSWORD = seedPassword
  const { payload, config, close } = await startTestPayload()
  try {
    await seed(payload)
    const rest = restClient(config)
    const dump: Dump = { collections: {}, globals: {} }
    for (const slug of collections) {
      const docs: any[] = []
      for (let page = 1; ; page++) {
        const { status, json } = await rest.get(`/${slug}?depth=1&limit=100&page=${page}&draft=false`)
        if (status !== 200) throw new Error(`GET ${slug}: ${status}`)
        docs.push(...json.docs)
        if (!json.hasNextPage) break
      }
      dump.collections[slug] = docs
    }
    for (const slug of globals) dump.globals[slug] = (await rest.get(`/globals/${slug}?depth=1`)).json
    fs.writeFileSync(file, JSON.stringify(dump))
    fs.cpSync(process.env.MEDIA_DIR!, mediaTarget, { recursive: true })
  } finally {
    await close()
  }
}

/** The seed's news plus corpus news in the seeded documents' own shape, up to `size`. */
function buildNews(dump: Dump, size: number): any[] {
  const seeded = dump.collections.news
  const template = seeded.find((doc) => !doc.cover) ?? seeded[0]
  const columns = new Map(dump.collections.columns.map((column) => [column.slug, column]))
  const news = [...seeded]
  let id = 1 + Math.max(...seeded.map((doc) => Number(doc.id)))
  for (const item of corpusNews(Math.max(0, size - seeded.length))) news.push(corpusDoc(template, item, id++, columns))
  return news
}

function corpusDoc(template: any, item: ReturnType<typeof corpusNews> extends Generator<infer T> ? T : never, id: number, columns: Map<string, any>) {
  return {
    ...template,
    id,
    slug: item.slug,
    title: item.title.slice(0, 120),
    summary: item.summary.slice(0, 300),
    body: paragraphsToLexical(item.body),
    column: columns.get(item.column.slug) ?? template.column,
    tags: item.tags,
    byline: { ...template.byline, writer: item.writer },
    cover: null,
    publishedAt: item.publishedAt,
    createdAt: item.publishedAt,
    updatedAt: item.publishedAt,
  }
}

/** The CMS as the renderer sees it, in memory: edits replace documents, as a fresh REST read would. */
function memoryCms(dump: Dump, news: any[]) {
  const docs = new Map<string, Map<string, any>>()
  for (const slug of collections) docs.set(slug, new Map((slug === 'news' ? news : dump.collections[slug]).map((doc) => [String(doc.id), doc])))
  const globalDocs = new Map(Object.entries(dump.globals))
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value))
  return {
    source: {
      fetchAll: async (collection: string) => [...(docs.get(collection)?.values() ?? [])],
      fetchByIds: async (collection: string, ids: string[]) => ids.flatMap((id) => (docs.get(collection)?.has(id) ? [copy(docs.get(collection)!.get(id))] : [])),
      fetchGlobal: async (slug: string) => copy(globalDocs.get(slug)),
    },
    docs,
    globalDocs,
  }
}

/** A CPU profile of this thread from now until `stop`, written into `dir` (nothing without a dir). */
async function startProfile(dir: string | undefined) {
  if (!dir) return undefined
  const session = new (await import('node:inspector/promises')).Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop')
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, file), JSON.stringify(profile))
      session.disconnect()
    },
  }
}

async function child([dumpFile, sizeText, outDir, resultFile, buildDir, mediaDir]: string[]) {
  // Astro's own console output would drown the tables.
  console.log = console.info = () => {}
  const { Renderer } = await import('../../site/render/renderer.ts')
  const dump: Dump = JSON.parse(fs.readFileSync(dumpFile, 'utf8'))
  const size = Number(sizeText)
  const news = buildNews(dump, size)
  const cms = memoryCms(dump, news)
  const renderer = await Renderer.open({ buildDir, outDir, mediaDir, source: cms.source })

  // RENDER_BENCH_PROFILE_FULL=<dir>: a CPU profile of the render thread during the full render.
  const fullProfile = await startProfile(process.env.RENDER_BENCH_PROFILE_FULL)
  const sampler = startThreadSampler()
  const started = performance.now()
  const [cpuBefore, threadCpuBefore] = [process.cpuUsage(), process.threadCpuUsage()]
  const full = await renderer.full()
  const totalSeconds = (performance.now() - started) / 1000
  const [cpu, threadCpu] = [process.cpuUsage(cpuBefore), process.threadCpuUsage(threadCpuBefore)]
  const fullRenderThreads = await sampler.stop()
  await fullProfile?.stop(`full-${size}.cpuprofile`)
  const t = renderer.lastTimings!
  // As the render worker does once it is ready (site/scripts/render.ts): the first change does not load the segmenter.
  renderer.warmSearch()
  const newsDocs = cms.docs.get('news')!
  const newestFirst = [...newsDocs.values()].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))
  const template = newestFirst.find((doc) => !doc.cover)!
  let nextId = 1 + Math.max(...[...newsDocs.keys()].map(Number))
  const changes: ChangeRun[] = []
  let gcMs = 0
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration
  })
  gcObserver.observe({ entryTypes: ['gc'] })
  const measure = async (name: string, change: any) => {
    const at = performance.now()
    gcMs = 0
    await renderer.change([change])
    const totalMs = performance.now() - at
    const changeGcMs = gcMs
    const heapUsedMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20)
    // As the worker does after answering (not part of the change's time).
    const tidyAt = performance.now()
    await renderer.tidy()
    const tidyMs = round(performance.now() - tidyAt)
    const c = renderer.lastTimings!
    const written = renderer.lastManifestWrite
    changes.push({ change: name, fetchMs: c.fetchMs ?? 0, analysisMs: c.analysisMs ?? 0, pages: c.pages, renderMs: c.renderMs, publishMs: c.publishMs, searchMs: c.searchMs, totalMs: round(totalMs), manifestShards: written?.shards, manifestKB: written && round(written.bytes / 1024, 1), gcMs: round(changeGcMs), heapUsedMB, tidyMs })
  }

  // As the render worker does once ready: the copies, in the background (awaited here, so the changes below are measured alone).
  const backfillSampler = startThreadSampler()
  const backfilling = renderer.compressAll()
  // RENDER_BENCH_PUBLISH_DURING_BACKFILL=<n>: n new articles published while the backfill runs, then n once it is done (to compare).
  const publishes = Number(process.env.RENDER_BENCH_PUBLISH_DURING_BACKFILL ?? 0)
  const publishOne = (name: string) => {
    const doc = { ...template, id: nextId++, slug: `bench-${name}-${nextId}`, title: `${template.title}（${name}）`, publishedAt: new Date().toISOString() }
    newsDocs.set(String(doc.id), doc)
    return measure(name, { kind: 'doc', collection: 'news', id: doc.id })
  }
  for (let n = 0; n < publishes; n++) await publishOne('publish during the backfill')
  const backfill = await backfilling
  const allCopiesSeconds = (performance.now() - started) / 1000
  const backfillThreads = await backfillSampler.stop()
  for (let n = 0; n < publishes; n++) await publishOne('publish after the backfill')
  const fullRender = { loadMs: t.loadMs ?? 0, pagesSeconds: round(t.renderMs / 1000, 2), publishMs: t.publishMs, searchSeconds: round(t.searchMs / 1000, 2), totalSeconds: round(totalSeconds, 2),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2), renderThreadCpuSeconds: round((threadCpu.user + threadCpu.system) / 1e6, 2),
    allCopiesSeconds: round(allCopiesSeconds, 2), copiesWritten: backfill.copies,
  }

  // RENDER_BENCH_FULL_ONLY=1: stop after the full render, its output left as it is (to compare outputs).
  if (process.env.RENDER_BENCH_FULL_ONLY) {
    await renderer.close()
    // RENDER_BENCH_MANIFEST=<dir>: the manifest kept as manifest-<size>.json (URL → object: the SHA-256 of each page), to compare two versions' output.
    if (process.env.RENDER_BENCH_MANIFEST) fs.writeFileSync(path.join(process.env.RENDER_BENCH_MANIFEST, `manifest-${size}.json`), JSON.stringify(readManifest(outDir)))
    fs.writeFileSync(resultFile, JSON.stringify({ news: size, pages: full.rendered, fullRender, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), fullRenderThreads, backfillThreads, changes } satisfies RenderRun))
    process.exit(0)
  }
  // RENDER_BENCH_PROFILE=<dir>: a CPU profile of the changes that re-render a few pages (the full
  // render and the navigation change would drown them).
  const changesProfile = await startProfile(process.env.RENDER_BENCH_PROFILE)
  const fresh = { ...template, id: nextId++, slug: `bench-new-${size}`, title: `${template.title}（新）`, publishedAt: new Date().toISOString() }
  newsDocs.set(String(fresh.id), fresh)
  await measure('publish a new article', { kind: 'doc', collection: 'news', id: fresh.id })

  const withdrawn = newestFirst[Math.floor(newestFirst.length / 2)]
  newsDocs.delete(String(withdrawn.id))
  await measure('withdraw an article', { kind: 'doc', collection: 'news', id: withdrawn.id })

  const onHome = newestFirst[1]
  newsDocs.set(String(onHome.id), { ...onHome, title: `${onHome.title}（修订）` })
  await measure('edit a home-page title', { kind: 'doc', collection: 'news', id: onHome.id })

  await changesProfile?.stop(`changes-${size}.cpuprofile`)

  // RENDER_BENCH_NAV_CHANGES=<n>: the navigation change n times in a row (1 by default), to see whether each costs the same.
  for (let n = 0; n < Number(process.env.RENDER_BENCH_NAV_CHANGES ?? 1); n++) {
    const navigation = cms.globalDocs.get('navigation')
    cms.globalDocs.set('navigation', { ...navigation, items: navigation.items.map((item: any, i: number) => (i === 0 ? { ...item, label: `${item.label}` + '·' } : item)) })
    await measure('navigation change', { kind: 'global', slug: 'navigation' })
  }

  const workstations = cms.docs.get('workstations')!
  const station = [...workstations.values()][0]
  workstations.set(String(station.id), { ...station, name: `${station.name ?? ''}（更新）` })
  await measure('workstation edit', { kind: 'doc', collection: 'workstations', id: station.id })

  await renderer.close()
  const run: RenderRun = { news: size, pages: full.rendered, fullRender, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), fullRenderThreads, backfillThreads, changes }
  fs.writeFileSync(resultFile, JSON.stringify(run))
  process.exit(0)
}

export function renderTables(results: RenderResults): Table[] {
  return [
    {
      title: 'Full render, in memory (no CMS): pages through the site bundle, then the search rebuild; peak RSS of the render process',
      head: ['news', 'pages', 'load ms', 'pages s', 'manifest ms', 'search s', 'total s', 'CPU s', 'render thread CPU s', 'peak RSS MB'],
      rows: results.runs.map((r) => [r.news, r.pages, r.fullRender.loadMs, r.fullRender.pagesSeconds, r.fullRender.publishMs, r.fullRender.searchSeconds, r.fullRender.totalSeconds, r.fullRender.cpuSeconds, r.fullRender.renderThreadCpuSeconds, r.peakRssMB]),
    },
    {
      title: 'Full render, CPU seconds per thread (/proc every 100 ms; "cores used" = all threads\' CPU ÷ wall time)',
      head: ['news', 'wall s', 'cores used', 'threads (name ×count: CPU s)'],
      rows: results.runs.map((r) => [r.news, r.fullRenderThreads?.wallSeconds ?? '', r.fullRenderThreads?.coresUsed ?? '', (r.fullRenderThreads?.threads ?? []).filter((t) => t.cpuSeconds >= 0.05).map((t) => `${t.name}${t.threads > 1 ? ` ×${t.threads}` : ''}: ${t.cpuSeconds}`).join(', ')]),
    },
    {
      title: 'After the full render: the backfill of brotli/gzip copies (pages are live before it; a change meanwhile compresses its own pages)',
      head: ['news', 'pages + search live s', 'all copies written s', 'copies', 'backfill wall s', 'threads (name: CPU s)'],
      rows: results.runs.map((r) => [r.news, r.fullRender.totalSeconds, r.fullRender.allCopiesSeconds ?? '', r.fullRender.copiesWritten ?? '', r.backfillThreads?.wallSeconds ?? '', (r.backfillThreads?.threads ?? []).filter((t) => t.cpuSeconds >= 0.05).map((t) => `${t.name}: ${t.cpuSeconds}`).join(', ')]),
    },
    {
      title: 'Full render timeline: cores used per 2 s slice, in all and by thread name',
      head: ['news', 'from s', 'cores', 'by thread'],
      rows: results.runs.flatMap((r) => (r.fullRenderThreads?.timeline ?? []).map((slice) => [r.news, slice.atSeconds, slice.cores, Object.entries(slice.byName).filter(([, cores]) => cores >= 0.01).map(([name, cores]) => `${name} ${cores}`).join(', ')])),
    },
    {
      title: 'One change (ms): read it, analysis (what it reaches), pages re-rendered, render, manifest, search update, total; manifest shards and KB written',
      head: ['news', 'change', 'fetch', 'analysis', 'pages', 'render', 'manifest', 'search', 'total', 'manifest shards', 'manifest KB', 'GC ms', 'heap MB after', 'clear-out after ms'],
      rows: results.runs.flatMap((r) => r.changes.map((c) => [r.news, c.change, c.fetchMs, c.analysisMs, c.pages, c.renderMs, c.publishMs, c.searchMs, c.totalMs, c.manifestShards ?? '', c.manifestKB ?? '', c.gcMs ?? '', c.heapUsedMB ?? '', c.tidyMs ?? ''])),
    },
  ]
}

if (process.argv[2] === 'child') await child(process.argv.slice(3))
