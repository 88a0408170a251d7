// `npm run bench -- live`: publish → live on the instant-publish pipeline, as `npm start` runs it.
// The built CMS renders the portal itself (its SiteRenderer holds the render lease and feeds the
// render worker, site/scripts/render.ts --worker); site/scripts/serve.ts serves the output folder.
// Content: the demo seed plus the realistic corpus (tests/bench/corpus/, words drawn by real
// frequency from jieba's dictionary mixed with the court's vocabulary), up to each size.
// LIVE_BENCH_SIZES=1000,10000,50000 to choose sizes; LIVE_BENCH_SAMPLES for samples per kind.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { paragraphsToLexical } from '../../cms/src/seed/lexical'
import type { StartTimeline } from '../../site/scripts/startup'
import { MANIFEST_FILE } from '../../site/render/manifest'
import { monthOf } from '../../site/src/content/newsViews'
import { archiveMonthPath } from '../../site/src/utils/paths'
import { seed } from '../../cms/src/seed/index'
import { ensureSiteBundle, type Manifest, readManifest, renderEnv, serveLiveSite, waitForManifest } from '../helpers/liveSite'
import { cmsDir, siteDir } from '../helpers/paths'
import { cmsSession, seedPassword } from '../helpers/portal'
import { startBuiltCms } from '../helpers/server'
import { ensureCmsBuilt, type Log, type Table, withTestPayload } from './cms'
import { corpusNews } from './corpus/index'
import { letEventLoopTurn, quantile, round } from './stats'

const SIZES = (process.env.LIVE_BENCH_SIZES ?? '1000,10000').split(',').map(Number)
const SAMPLES = Number(process.env.LIVE_BENCH_SAMPLES ?? 8)
/** The served site is read this often during the whole run; any answer but 200 is counted. */
const PROBE_EVERY_MS = 100
/** Poll of the page being waited for. */
const WATCH_EVERY_MS = 20
const LIVE_TIMEOUT_MS = 120_000
/** A navigation change re-renders every page: at 10k on the loaded machine that took over 120 s. */
const NAV_TIMEOUT_MS = 900_000
const STARTUP_TIMEOUT_MS = 900_000
/** Pages checked for a navigation change ("every page": a sample of the manifest's HTML pages). */
const NAV_PAGES = 20
/** Changes made while the CMS (and its renderer) is down, before each measured restart: new items, a title edit, a withdrawal. */
const DOWN_PUBLISHES = 3
const TARGETS = { publishP50S: 1, publishP95S: 2, withdrawalS: 2, searchableS: 10, fullRenderS: 30, fullRenderMB: 1536 }

export type Timing = { count: number; p50Seconds: number; p95Seconds: number; maxSeconds: number }
/** Median milliseconds of each stage of a publish: 发布 request → change committed → picked up by the renderer → manifest renamed → seen on the served portal. */
export type Stages = { samples: number; requestToCommittedMs: number; committedToPickedUpMs: number; workerRenderMs: number; pickedUpToManifestMs: number; manifestToServedMs: number; requestToServedMs: number }
export type LiveRun = {
  news: number
  /** Creating the corpus news up to this size (Local API, every hook; disk syncs off while seeding). */
  seedSeconds: number
  seedItems: number
  /** From `next start` until the first manifest, and the full render's own figures. */
  startupSeconds: number
  /**
   * Null when this start's record was not found (then nothing is claimed). `seconds` is the
   * record's (from the worker's full() call: the wait for the content, render, publish, search);
   * `readySeconds`: from `next start` until the worker said ready (its timeline's clock);
   * `timeline`: the worker's start, ms since its process started (site/scripts/startup.ts).
   */
  fullRender: { seconds: number; pages: number; loadSeconds: number | null; readySeconds: number | null; timeline: StartTimeline | null } | null
  /** The first publish after the full render at start, seconds (not among the publish samples). */
  firstPublishSeconds: number
  publish: Timing
  publishStages: Stages
  /** Withdrawal: its page 404; gone from page, column list, home, RSS and sitemap; gone from search. */
  withdrawal: { page: Timing; everywhere: Timing; search: Timing }
  /** Withdrawal of an article from the middle of the history: gone from its page, its month's archive pages and the sitemap. */
  oldWithdrawal: Timing
  searchable: Timing
  homeTitleEdit: Timing
  navigation: Timing
  /** Pages re-rendered per change, as the renderer recorded them (site-changes). */
  pagesRendered: { publish: number[]; withdrawal: number[]; oldWithdrawal: number[]; homeTitleEdit: number[]; navigation: number[] }
  peakRssMB: Record<string, number>
  probes: { requests: number; failures: number; failureExamples: string[] }
  /** CMS restarts after the samples, with the portal rendered and changes made while it was down. */
  restarts: Restart[]
  /**
   * The worker killed (SIGKILL) with the CMS up and idle, started again by it (load + catch up):
   * its timeline, a read from a CMS already up against the reads above made while `next start`
   * was still starting; `readySeconds` from the kill.
   */
  workerRestart: { readySeconds: number | null; timeline: StartTimeline | null } | null
}
/**
 * One restart: the CMS stopped, `changes` made meanwhile (Local API, as another instance or a
 * script would), then started again: with SITE_RENDER_FULL_AT_START=1 (`npm start`) and the site
 * bundle unchanged (the worker catches up, no full render), the same with a changed bundle (a
 * full render), or without the setting (catch-up). Seconds from
 * `next start`: until its worker was spawned (Next's start and the render lease), said ready,
 * every change made while down was on the served portal; then a first publish through the REST
 * workflow, publish → live.
 */
export type RestartStart = 'templates unchanged' | 'bundle changed' | 'setting unset'
export type Restart = {
  start: RestartStart
  /** Whether the worker rendered everything (its timeline's mode). */
  fullRender: boolean | null
  changes: number
  workerSpawnedSeconds: number | null
  readySeconds: number | null
  changesLiveSeconds: number
  firstPublishSeconds: number
  timeline: StartTimeline | null
}
export type LiveResults = { settings: typeof settings; runs: LiveRun[]; targets: { target: string; value: string; met: boolean | null }[] }

const settings = { sizes: SIZES, samples: SAMPLES, probeEveryMs: PROBE_EVERY_MS, navPages: NAV_PAGES, corpus: 'tests/bench/corpus (jieba dictionary frequencies + court vocabulary)', targets: TARGETS }

export async function benchLive(log: Log): Promise<LiveResults> {
  ensureCmsBuilt(log)
  ensureSiteBundle()
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-live-bench-'))
  const onInterrupt = () => fs.rmSync(work, { recursive: true, force: true })
  process.once('SIGINT', onInterrupt)
  process.env.SEED_PASSWORD = seedPassword
  try {
    return await withTestPayload(async (payload) => {
      log('seeding the demo content (photos included) …')
      await seed(payload)
      const columns = new Map((await payload.find({ collection: 'columns', limit: 100, depth: 0 })).docs.map((c) => [c.slug as string, c.id as number]))
      const corpus = corpusNews(Math.max(...SIZES))
      const runs: LiveRun[] = []
      for (const size of SIZES) {
        const before = await publishedNews(payload)
        const seedSeconds = await topUp(payload, corpus, columns, size, log)
        log(`  seeded ${size - before} news in ${seedSeconds} s`)
        runs.push({ ...(await measure(payload, size, path.join(work, `live-${size}`), log)), seedSeconds, seedItems: size - before })
      }
      return { settings, runs, targets: targets(runs) }
    })
  } finally {
    process.off('SIGINT', onInterrupt)
    fs.rmSync(work, { recursive: true, force: true })
  }
}

const publishedNews = async (payload: Payload) => (await payload.count({ collection: 'news', where: { _status: { equals: 'published' } } })).totalDocs

type SqliteClient = { client: { execute: (statement: string) => Promise<unknown> } }

/**
 * Creates corpus news until `size` are published: through the Local API with every hook (slug,
 * search text, version row, tags, change record), as an editor's publish writes them. Our SQLite
 * connections sync to disk (synchronous = FULL), so a create costs fsyncs; while seeding the bench's
 * own throwaway database it skips them (synchronous = OFF, which the write gate carries over to the
 * connections transactions open), which writes the same rows. Returns the seconds it took.
 */
async function topUp(payload: Payload, corpus: ReturnType<typeof corpusNews>, columns: Map<string, number>, size: number, log: Log): Promise<number> {
  const started = Date.now()
  let count = await publishedNews(payload)
  log(`creating corpus news ${count + 1}–${size} …`)
  const anyColumn = [...columns.values()][0]
  const db = payload.db as unknown as SqliteClient
  await db.client.execute('PRAGMA synchronous = OFF')
  try {
    while (count < size) {
      const { value: item, done } = corpus.next()
      if (done) throw new Error('the corpus ran out')
      await payload.create({
        collection: 'news',
        data: {
          title: item.title.slice(0, 120),
          summary: item.summary.slice(0, 300),
          body: paragraphsToLexical(item.body),
          column: columns.get(item.column.slug) ?? anyColumn,
          tags: item.tags,
          byline: { writer: item.writer },
          publishedAt: item.publishedAt,
          grade: 'normal',
          _status: 'published',
        } as never,
      })
      if (++count % 1_000 === 0) log(`  ${count} news (${round((Date.now() - started) / 1000)} s)`)
      if (count % 100 === 0) await letEventLoopTurn()
    }
  } finally {
    await db.client.execute('PRAGMA synchronous = FULL')
  }
  // What the Local API queued is covered by the full render at start; the bench measures changes made after it.
  await payload.db.deleteMany({ collection: 'site-changes', where: { state: { equals: 'pending' } } })
  return round((Date.now() - started) / 1000)
}

async function measure(payload: Payload, size: number, outDir: string, log: Log): Promise<Omit<LiveRun, 'seedSeconds' | 'seedItems'>> {
  log(`starting the built CMS (renderer on) with ${size.toLocaleString('en')} published news …`)
  const started = Date.now()
  const rss = watchRss(outDir, process.env.DATABASE_URL!)
  // Info level: the renderer's log line of the full render says how long reading the content took.
  // A rebuilt bundle: the same bundle with one byte more in a file the renderer hashes (render/fingerprint.ts).
  // Inside site/ (git-ignored), so that its imports of packages resolve as site/dist's do.
  const changedBundle = path.join(siteDir, 'builds/live-bench-changed')
  const startEnv: Record<RestartStart, Record<string, string>> = {
    'templates unchanged': {},
    'bundle changed': { SITE_BUILD_DIR: changedBundle },
    'setting unset': { SITE_RENDER_FULL_AT_START: '' },
  }
  const cmsEnvFor = (start: RestartStart) => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    MEDIA_DIR: process.env.MEDIA_DIR!,
    PAYLOAD_LOG_LEVEL: 'info',
    // The worker's split of each change (analysis, render, manifest) in the log, for the first publish after a restart.
    RENDER_TIMINGS: '1',
    ...renderEnv(outDir, startEnv[start]),
  })
  let cms = await startBuiltCms(cmsEnvFor('templates unchanged'))
  let cmsUp = true
  const stopCms = async () => {
    if (!cmsUp) return
    cmsUp = false
    // A CMS that does not exit after SIGTERM would hang the bench: say so with its log, and kill it.
    const stuck = setTimeout(() => {
      log(`  the CMS has not exited 30 s after SIGTERM; killing it. Its log's end:\n${cms.output().slice(-3000)}`)
      if (cms.pid) process.kill(cms.pid, 'SIGKILL')
    }, 30_000)
    try {
      await cms.stop()
    } finally {
      clearTimeout(stuck)
    }
  }
  let site: Awaited<ReturnType<typeof serveLiveSite>> | undefined
  let probes: ReturnType<typeof probe> | undefined
  try {
    const manifest = await waitForManifest(outDir, started, STARTUP_TIMEOUT_MS)
    const startupSeconds = round((Date.now() - started) / 1000)
    const full = await fullRenderRecord(payload, started)
    const loadSeconds = await fullRenderLoadSeconds(cms.output)
    const timeline = await startTimeline(cms.output)
    const readySeconds = timeline?.readyEpoch ? round((timeline.readyEpoch - started) / 1000) : null
    log(`  full render ${round((full?.ms ?? 0) / 1000)} s (of it waiting for the content ${loadSeconds ?? '?'} s), ${full?.pages} pages (CMS up and rendered in ${startupSeconds} s, worker ready at ${readySeconds ?? '?'} s)`)
    log(`  worker start timeline (ms since its process started): ${JSON.stringify(timeline)}`)
    site = await serveLiveSite(outDir, { CMS_URL: cms.url })
    const base = site.url
    let editor = await cmsSession(cms, 'editor@example.com')
    let reviewer = await cmsSession(cms, 'reviewer@example.com')
    let approver = await cmsSession(cms, 'approver@example.com')
    let admin = await cmsSession(cms)
    const column = (await admin.get('/columns?limit=1&sort=order&depth=0')).docs[0] as { id: number; slug: string }
    const anArticle = Object.keys(manifest.pages).find((url) => url.startsWith('/news/') && url.split('/').length === 4) ?? '/'
    probes = probe(base, ['/', anArticle])
    const pagesOf = async (key: string, after: number) => (await renderedChange(payload, key, after))?.pages ?? -1

    const publish: number[] = []
    const stages: StageSample[] = []
    const searchable: number[] = []
    const withdrawPage: number[] = []
    const withdrawEverywhere: number[] = []
    const withdrawSearch: number[] = []
    const pagesRendered: LiveRun['pagesRendered'] = { publish: [], withdrawal: [], oldWithdrawal: [], homeTitleEdit: [], navigation: [] }
    const made: { id: number; slug: string; title: string }[] = []

    /** A publish through the REST workflow, publish → live (seconds). */
    const publishOnce = async (title: string) => {
      const { doc } = await editor.post('/news?draft=true', { ...newArticle(title, column.id), _status: 'draft', workflowAction: 'submit' })
      await reviewer.patch(`/news/${doc.id}?draft=true`, { workflowAction: 'approve' })
      const t0 = Date.now()
      await approver.patch(`/news/${doc.id}`, { _status: 'published' })
      const seconds = await until(t0, async () => (await text(base, `/news/${doc.slug}/`))?.includes(title) ?? false)
      await renderedChange(payload, `doc:news:${doc.id}`, t0)
      return seconds
    }
    // The first publish after the full render at start, reported apart (not in the samples): it shows
    // whether the worker was ready at once (it is the process that did the full render).
    const firstPublishSeconds = await publishOnce(`即时发布预热稿件${size}-${Date.now().toString(36)}`)
    log(`  first publish after the full render (not among the samples): live ${firstPublishSeconds} s`)

    for (let i = 0; i < SAMPLES; i++) {
      const title = `即时发布测试稿件${size}-${i + 1}-${Date.now().toString(36)}`
      const { doc } = await editor.post('/news?draft=true', { ...newArticle(title, column.id), _status: 'draft', workflowAction: 'submit' })
      await reviewer.patch(`/news/${doc.id}?draft=true`, { workflowAction: 'approve' })
      const t0 = Date.now()
      await approver.patch(`/news/${doc.id}`, { _status: 'published' })
      publish.push(await until(t0, async () => (await text(base, `/news/${doc.slug}/`))?.includes(title) ?? false))
      const served = Date.now()
      const manifestAt = fs.statSync(path.join(outDir, MANIFEST_FILE)).mtimeMs
      searchable.push(await until(t0, async () => (await text(base, `/search/?q=${encodeURIComponent(title)}`))?.includes(`/news/${doc.slug}/`) ?? false))
      const change = await renderedChange(payload, `doc:news:${doc.id}`, t0)
      pagesRendered.publish.push(change?.pages ?? -1)
      if (change) stages.push(stageSample(t0, change, manifestAt, served))
      made.push({ id: doc.id, slug: doc.slug, title })
      log(`  publish ${i + 1}/${SAMPLES}: live ${publish.at(-1)} s, searchable ${searchable.at(-1)} s, ${pagesRendered.publish.at(-1)} pages; stages ms ${JSON.stringify(stages.at(-1))}`)
    }

    const homeTitleEdit: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      // The newest published item is on the home page.
      const newest = (await admin.get('/news?limit=1&depth=0&sort=-publishedAt&where[_status][equals]=published')).docs[0]
      const title = `首页标题修改${i + 1}-${Date.now().toString(36)}`
      const t0 = Date.now()
      await approver.patch(`/news/${newest.id}`, { title })
      homeTitleEdit.push(await until(t0, async () => (await text(base, '/'))?.includes(title) ?? false))
      pagesRendered.homeTitleEdit.push(await pagesOf(`doc:news:${newest.id}`, t0))
      log(`  home title edit ${i + 1}/${SAMPLES}: ${homeTitleEdit.at(-1)} s, ${pagesRendered.homeTitleEdit.at(-1)} pages`)
    }

    for (const [i, item] of made.entries()) {
      const t0 = Date.now()
      await approver.patch(`/news/${item.id}`, { workflowAction: 'withdraw', workflowComment: '性能测试：撤稿' })
      const gone = async (url: string) => !((await text(base, url, true)) ?? '').includes(`/news/${item.slug}/`)
      withdrawPage.push(await until(t0, async () => (await status(base, `/news/${item.slug}/`)) === 404))
      withdrawEverywhere.push(
        await until(t0, async () => (await gone(`/columns/${column.slug}/`)) && (await gone('/')) && (await gone('/rss.xml')) && (await sitemapGone(base, item.slug))),
      )
      withdrawSearch.push(await until(t0, () => gone(`/search/?q=${encodeURIComponent(item.title)}`)))
      pagesRendered.withdrawal.push(await pagesOf(`doc:news:${item.id}`, t0))
      log(`  withdrawal ${i + 1}/${made.length}: page ${withdrawPage.at(-1)} s, everywhere ${withdrawEverywhere.at(-1)} s, search ${withdrawSearch.at(-1)} s`)
    }

    // Articles from the middle of the history: only their month's archive pages should move.
    const oldWithdrawal: number[] = []
    const published = (await admin.get('/news?limit=1&depth=0&where[_status][equals]=published')).totalDocs as number
    for (let i = 0; i < Math.min(SAMPLES, 4); i++) {
      const at = Math.max(1, Math.floor((published * (i + 1)) / 5))
      const old = (await admin.get(`/news?limit=1&page=${at}&depth=0&sort=publishedAt&where[_status][equals]=published`)).docs[0] as { id: number; slug: string; publishedAt: string }
      const month = monthOf({ id: String(old.id), data: { publishedAt: new Date(old.publishedAt), tags: [] } })
      if (await monthGone(base, month, old.slug)) throw new Error(`${old.slug} is not on its month's archive pages (${archiveMonthPath(month)})`)
      const t0 = Date.now()
      await approver.patch(`/news/${old.id}`, { workflowAction: 'withdraw', workflowComment: '性能测试：撤下旧稿' })
      oldWithdrawal.push(
        await until(t0, async () => (await status(base, `/news/${old.slug}/`)) === 404 && (await monthGone(base, month, old.slug)) && (await sitemapGone(base, old.slug))),
      )
      pagesRendered.oldWithdrawal.push(await pagesOf(`doc:news:${old.id}`, t0))
      log(`  old article withdrawal ${i + 1} (${month}): gone in ${oldWithdrawal.at(-1)} s, ${pagesRendered.oldWithdrawal.at(-1)} pages`)
    }

    const navigation: number[] = []
    const htmlPages = Object.entries((readManifest(outDir) as Manifest).pages).filter(([, p]) => p.type.startsWith('text/html')).map(([url]) => url)
    const sample = pickEvenly(htmlPages, NAV_PAGES)
    const original = (await admin.get('/globals/navigation?depth=0')).items ?? []
    for (let i = 0; i < Math.min(SAMPLES, 4); i++) {
      const label = `导航${i + 1}${Date.now().toString(36).slice(-4)}`
      const t0 = Date.now()
      await admin.post('/globals/navigation', { items: [...original.map(({ id: _id, ...rest }: { id?: string }) => rest), { label, url: '/about/' }] })
      navigation.push(await until(t0, async () => (await Promise.all(sample.map(async (url) => (await text(base, url))?.includes(label) ?? false))).every(Boolean), NAV_TIMEOUT_MS))
      pagesRendered.navigation.push(await pagesOf('global:navigation', t0))
      log(`  navigation ${i + 1}: every sampled page in ${navigation.at(-1)} s, ${pagesRendered.navigation.at(-1)} pages`)
    }
    await admin.post('/globals/navigation', { items: original.map(({ id: _id, ...rest }: { id?: string }) => rest) })
    // Its re-render done before the CMS stops (else it is pending at the restart, and rendered there).
    await until(Date.now(), async () => {
      const body = await text(base, sample[0])
      return body !== undefined && !body.includes(`导航${Math.min(SAMPLES, 4)}`)
    }, NAV_TIMEOUT_MS)

    // Restarts with the portal rendered (deps current), as `npm start` does (SITE_RENDER_FULL_AT_START=1)
    // with the bundle unchanged and changed, and without the setting (the worker loads the content and catches up).
    const restarts: Restart[] = []
    fs.rmSync(changedBundle, { recursive: true, force: true })
    fs.cpSync(path.join(siteDir, 'dist'), changedBundle, { recursive: true })
    fs.appendFileSync(path.join(changedBundle, 'server/entry.mjs'), '\n// rebuilt (live bench)\n')
    for (const start of ['templates unchanged', 'bundle changed', 'setting unset'] as const) {
      await stopCms()
      const down = await changesWhileDown(payload, column.id, `${size}-${start.replace(/ /g, '-')}`)
      const t0 = Date.now()
      cms = await startBuiltCms(cmsEnvFor(start))
      cmsUp = true
      const changesLiveSeconds = await until(t0, down.live(base), STARTUP_TIMEOUT_MS)
      const restartTimeline = await startTimeline(cms.output)
      ;[editor, reviewer, approver, admin] = await Promise.all([cmsSession(cms, 'editor@example.com'), cmsSession(cms, 'reviewer@example.com'), cmsSession(cms, 'approver@example.com'), cmsSession(cms)])
      const restartPublish = await publishOnce(`重启后首次发布${size}-${start.replace(/ /g, '-')}-${Date.now().toString(36)}`)
      const since = (epoch?: number) => (epoch ? round((epoch - t0) / 1000) : null)
      restarts.push({
        start,
        fullRender: restartTimeline?.mode ? restartTimeline.mode === 'full' : null,
        changes: down.count,
        workerSpawnedSeconds: since(restartTimeline?.startedAt),
        readySeconds: since(restartTimeline?.readyEpoch),
        changesLiveSeconds,
        firstPublishSeconds: restartPublish,
        timeline: restartTimeline,
      })
      log(`  restart (${start}: ${restartTimeline?.mode ?? '?'}, ${restartTimeline?.startReason ?? ''}): worker spawned ${restarts.at(-1)!.workerSpawnedSeconds} s, ready ${restarts.at(-1)!.readySeconds} s, ${down.count} changes made while down live ${changesLiveSeconds} s, first publish ${restartPublish} s`)
      log(`    worker start timeline: ${JSON.stringify(restartTimeline)}`)
      // The renderer's own log lines of this start, to tell where a slow one spent its time.
      log(`    renderer log: ${cms.output().split('\n').filter((l) => /门户|渲染/.test(l)).map((l) => l.slice(0, 300)).join('\n      ')}`)
    }

    fs.rmSync(changedBundle, { recursive: true, force: true })

    // A worker killed with the CMS up: the CMS starts another, which loads the content and catches up.
    let workerRestart: LiveRun['workerRestart'] = null
    const pid = workerPid(outDir)
    if (pid !== undefined) {
      const logged = timelineCount(cms.output)
      const killed = Date.now()
      process.kill(pid, 'SIGKILL')
      await until(killed, async () => timelineCount(cms.output) > logged, STARTUP_TIMEOUT_MS)
      const restartTimeline = await startTimeline(cms.output)
      workerRestart = { readySeconds: restartTimeline?.readyEpoch ? round((restartTimeline.readyEpoch - killed) / 1000) : null, timeline: restartTimeline }
      log(`  worker killed with the CMS up: ready again ${workerRestart.readySeconds} s; timeline ${JSON.stringify(restartTimeline)}`)
    }

    return {
      news: size,
      startupSeconds,
      fullRender: full ? { seconds: round((full.ms ?? 0) / 1000), pages: full.pages ?? 0, loadSeconds, readySeconds, timeline } : null,
      firstPublishSeconds,
      publish: timing(publish),
      publishStages: medianStages(stages),
      withdrawal: { page: timing(withdrawPage), everywhere: timing(withdrawEverywhere), search: timing(withdrawSearch) },
      oldWithdrawal: timing(oldWithdrawal),
      searchable: timing(searchable),
      homeTitleEdit: timing(homeTitleEdit),
      navigation: timing(navigation),
      pagesRendered,
      peakRssMB: rss.peaks(),
      probes: probes.result(),
      restarts,
      workerRestart,
    }
  } catch (error) {
    // What the portal server and the CMS said last, to tell which side closed a request.
    log(`failed: ${(error as Error).message}\n--- portal server ---\n${site?.output().slice(-4000) ?? ''}\n--- cms ---\n${cms.output?.().slice(-4000) ?? ''}`)
    throw error
  } finally {
    probes?.stop()
    rss.stop()
    await site?.stop()
    await stopCms()
  }
}

const timing = (seconds: number[]): Timing => ({
  count: seconds.length,
  p50Seconds: round(quantile(seconds, 0.5), 2),
  p95Seconds: round(quantile(seconds, 0.95), 2),
  maxSeconds: round(Math.max(...seconds), 2),
})

/** Seconds from t0 until `check` holds. */
async function until(t0: number, check: () => Promise<boolean>, timeoutMs = LIVE_TIMEOUT_MS): Promise<number> {
  for (;;) {
    if (await check()) return round((Date.now() - t0) / 1000, 2)
    if (Date.now() - t0 > timeoutMs) throw new Error(`not live within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, WATCH_EVERY_MS))
  }
}

async function text(base: string, url: string, anyStatus = false): Promise<string | undefined> {
  const response = await fetch(`${base}${url}`)
  const body = await response.text()
  return response.ok || anyStatus ? body : undefined
}
const status = async (base: string, url: string) => {
  const response = await fetch(`${base}${url}`)
  await response.arrayBuffer()
  return response.status
}

/** No page of the month's archive (`/news/2025/03/`, `/news/2025/03/2/` …) links the article. */
async function monthGone(base: string, month: string, slug: string): Promise<boolean> {
  for (let page = 1; ; page++) {
    const body = await text(base, archiveMonthPath(month, page))
    if (body === undefined) return true
    if (body.includes(`/news/${slug}/`)) return false
  }
}

async function sitemapGone(base: string, slug: string): Promise<boolean> {
  const index = (await text(base, '/sitemap-index.xml')) ?? ''
  const files = [...index.matchAll(/<loc>[^<]*?(\/sitemap-\d+\.xml)<\/loc>/g)].map((m) => m[1])
  for (const file of files) if (((await text(base, file)) ?? '').includes(`/news/${slug}/`)) return false
  return true
}

/**
 * This start's full render record (created after `since`: an earlier size's record must not be
 * read as this one's). The CMS marks it done just after the manifest is in place, so this waits.
 */
/** Of the full render, the seconds spent reading the content over REST, as the CMS logged it. */
async function fullRenderLoadSeconds(output: () => string): Promise<number | null> {
  for (let i = 0; i < 50; i++) {
    const ms = /门户全量生成完成：.*读取内容 (\d+) 毫秒/.exec(output())?.[1]
    if (ms) return round(Number(ms) / 1000)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return null
}

const timelineCount = (output: () => string) => output().split('启动用时 ').length - 1

/** The render worker rendering into `outDir` (its process has SITE_OUT=outDir), if running. */
function workerPid(outDir: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (!cmdline.includes('scripts/render.ts') || !cmdline.includes('--worker')) continue
      if (fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`SITE_OUT=${outDir}`)) return Number(entry)
    } catch {
      // gone, or not ours
    }
  }
  return undefined
}

/**
 * The last start timeline the CMS's worker logged (site/scripts/startup.ts), once there: the worker
 * logs it when ready, which at 50k news with a full render comes minutes after the changes made
 * while it was down are live (a one-minute wait gave up before it and left the restart unmeasured).
 */
async function startTimeline(output: () => string, timeoutMs = STARTUP_TIMEOUT_MS): Promise<StartTimeline | null> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    // Complete lines only (the last may still be arriving).
    const line = output().split('\n').slice(0, -1).findLast((l) => l.includes('启动用时 '))
    if (line) {
      try {
        // The CMS logs JSON lines in production (the message inside, escaped), or plain text.
        const message = line.trimStart().startsWith('{') ? String(JSON.parse(line).msg) : line
        return JSON.parse(message.slice(message.indexOf('启动用时 ') + '启动用时 '.length)) as StartTimeline
      } catch {
        // not a line this bench can read: not claimed
        return null
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return null
}

/**
 * Changes made while the CMS is down (the bench's own Local API on the same database; no user:
 * the system's saves keep the state they set): DOWN_PUBLISHES new items, a title edit of a
 * published one, the withdrawal of another. `live` checks each on the served portal.
 */
async function changesWhileDown(payload: Payload, column: number, tag: string) {
  const made: { slug: string; title: string }[] = []
  for (let i = 0; i < DOWN_PUBLISHES; i++) {
    const title = `停机期间发布${tag}-${i + 1}`
    const doc = await payload.create({ collection: 'news', data: { ...newArticle(title, column), _status: 'published' } as never })
    made.push({ slug: String(doc.slug), title })
  }
  const [edited, withdrawn] = (await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, sort: 'id', limit: 2, depth: 0 })).docs
  const editedTitle = `停机期间改题${tag}`
  await payload.update({ collection: 'news', id: edited.id, data: { title: editedTitle } as never })
  await payload.update({ collection: 'news', id: withdrawn.id, data: { _status: 'draft' } as never })
  return {
    count: DOWN_PUBLISHES + 2,
    live: (base: string) => async () => {
      for (const item of made) if (!(await text(base, `/news/${item.slug}/`))?.includes(item.title)) return false
      if (!(await text(base, `/news/${edited.slug}/`))?.includes(editedTitle)) return false
      return (await status(base, `/news/${withdrawn.slug}/`)) === 404
    },
  }
}

async function fullRenderRecord(payload: Payload, since: number): Promise<{ ms?: number; pages?: number } | undefined> {
  for (let tries = 0; tries < 600; tries++) {
    const { docs } = await payload.db.find<{ ms?: number; pages?: number }>({
      collection: 'site-changes',
      where: { and: [{ key: { equals: 'full' } }, { state: { equals: 'done' } }, { createdAt: { greater_than_equal: new Date(since).toISOString() } }] },
      sort: '-id',
      limit: 1,
    })
    if (docs[0]) return docs[0]
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return undefined
}

type ChangeRecord = { state: string; pages?: number; ms?: number; createdAt: string; startedAt?: string; finishedAt?: string }

/** The latest finished change record `key` made after t0, as the renderer wrote it (waits for it). */
async function renderedChange(payload: Payload, key: string, t0: number): Promise<ChangeRecord | undefined> {
  for (let tries = 0; tries < 200; tries++) {
    const { docs } = await payload.db.find<ChangeRecord>({
      collection: 'site-changes',
      where: { and: [{ key: { equals: key } }, { createdAt: { greater_than_equal: new Date(t0).toISOString() } }, { state: { in: ['done', 'failed'] } }] },
      sort: '-id',
      limit: 1,
    })
    if (docs[0]) return docs[0]
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return undefined
}

type StageSample = Omit<Stages, 'samples'>
function stageSample(t0: number, change: ChangeRecord, manifestAt: number, served: number): StageSample {
  const committed = Date.parse(change.createdAt)
  const pickedUp = change.startedAt ? Date.parse(change.startedAt) : committed
  return {
    requestToCommittedMs: Math.round(committed - t0),
    committedToPickedUpMs: Math.round(pickedUp - committed),
    workerRenderMs: change.ms ?? 0,
    pickedUpToManifestMs: Math.round(manifestAt - pickedUp),
    manifestToServedMs: Math.round(served - manifestAt),
    requestToServedMs: Math.round(served - t0),
  }
}
function medianStages(samples: StageSample[]): Stages {
  const median = (key: keyof StageSample) => Math.round(quantile(samples.map((s) => s[key]), 0.5))
  return {
    samples: samples.length,
    requestToCommittedMs: median('requestToCommittedMs'),
    committedToPickedUpMs: median('committedToPickedUpMs'),
    workerRenderMs: median('workerRenderMs'),
    pickedUpToManifestMs: median('pickedUpToManifestMs'),
    manifestToServedMs: median('manifestToServedMs'),
    requestToServedMs: median('requestToServedMs'),
  }
}

const pickEvenly = <T>(list: T[], n: number) => (list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]))

const newArticle = (title: string, column: number) => ({
  title,
  summary: `${title}的摘要。`,
  column,
  publishedAt: new Date().toISOString(),
  body: paragraphsToLexical([`${title}：法官工作站开展巡回审判，就地化解矛盾纠纷。`]),
})

/** Reads pages of the served site every PROBE_EVERY_MS for the whole run: no change may drop a request. */
function probe(baseUrl: string, urls: string[]) {
  let requests = 0
  let failures = 0
  const examples: string[] = []
  let running = true
  void (async () => {
    while (running) {
      for (const url of urls) {
        requests++
        try {
          const response = await fetch(`${baseUrl}${url}`)
          await response.arrayBuffer()
          if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
        } catch (error) {
          failures++
          // fetch's own message is "fetch failed"; the cause says which (refused, reset, timeout).
          const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause
          if (examples.length < 5) examples.push(`${url}: ${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`)
        }
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS))
    }
  })()
  return { stop: () => void (running = false), result: () => ({ requests, failures, failureExamples: examples }) }
}

/**
 * Peak resident memory (VmHWM) of each process of the run, by role, found in /proc by their
 * environment: the CMS (our DATABASE_URL), and the render worker, full render and server (our SITE_OUT).
 */
function watchRss(outDir: string, databaseUrl: string) {
  const cwdOf = (pid: string) => fs.readlinkSync(`/proc/${pid}/cwd`)
  const peaks: Record<string, number> = {}
  const look = () => {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0')
        const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ')
        const ours = environ.includes(`SITE_OUT=${outDir}`)
        // The CMS has SITE_OUT too (it passes it to its renderer), and "next-server" contains "serve": it is told apart first.
        const cms = /(^|\/)next(-server| start)/.test(cmdline) && (environ.includes(`DATABASE_URL=${databaseUrl}`) || cwdOf(entry) === cmsDir)
        // The worker started with --full-first renders everything, then stays on as the worker: its
        // peak is the full render's (the later changes use less).
        const role = cms ? 'cms'
          : ours && cmdline.includes('--full-first') ? 'fullRender'
          : ours && cmdline.includes('--worker') ? 'worker'
          : ours && cmdline.includes('--full') ? 'fullRender'
          : ours && cmdline.includes('scripts/serve.ts') ? 'server'
          : undefined
        if (!role) continue
        const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0)
        peaks[role] = Math.max(peaks[role] ?? 0, Math.round(kb / 1024))
      } catch {
        // gone, or not ours
      }
    }
  }
  const timer = setInterval(look, 250)
  return { stop: () => clearInterval(timer), peaks: () => (look(), { ...peaks }) }
}

function targets(runs: LiveRun[]): LiveResults['targets'] {
  const at10k = runs.find((r) => r.news === 10_000)
  const all = (f: (r: LiveRun) => boolean) => (runs.length ? runs.every(f) : null)
  return [
    { target: `publish → live p50 ≤ ${TARGETS.publishP50S} s at 10k`, value: at10k ? `${at10k.publish.p50Seconds} s` : 'not measured', met: at10k ? at10k.publish.p50Seconds <= TARGETS.publishP50S : null },
    { target: `publish → live p95 ≤ ${TARGETS.publishP95S} s at 10k`, value: at10k ? `${at10k.publish.p95Seconds} s` : 'not measured', met: at10k ? at10k.publish.p95Seconds <= TARGETS.publishP95S : null },
    { target: `withdrawal gone everywhere (page, list, home, RSS, sitemap) ≤ ${TARGETS.withdrawalS} s`, value: runs.map((r) => `${r.withdrawal.everywhere.maxSeconds} s`).join(', '), met: all((r) => r.withdrawal.everywhere.maxSeconds <= TARGETS.withdrawalS) },
    { target: `old article withdrawal gone (page, month archive, sitemap) ≤ ${TARGETS.withdrawalS} s`, value: runs.map((r) => `${r.oldWithdrawal.maxSeconds} s`).join(', '), met: all((r) => r.oldWithdrawal.maxSeconds <= TARGETS.withdrawalS) },
    { target: `searchable and gone from search ≤ ${TARGETS.searchableS} s`, value: runs.map((r) => `${Math.max(r.searchable.maxSeconds, r.withdrawal.search.maxSeconds)} s`).join(', '), met: all((r) => Math.max(r.searchable.maxSeconds, r.withdrawal.search.maxSeconds) <= TARGETS.searchableS) },
    { target: `full render of 10k ≤ ${TARGETS.fullRenderS} s`, value: at10k?.fullRender ? `${at10k.fullRender.seconds} s` : 'not measured', met: at10k?.fullRender ? at10k.fullRender.seconds <= TARGETS.fullRenderS : null },
    { target: `full render of 10k ≤ ${TARGETS.fullRenderMB} MB peak RSS`, value: at10k ? `${at10k.peakRssMB.fullRender ?? '?'} MB` : 'not measured', met: at10k?.peakRssMB.fullRender ? at10k.peakRssMB.fullRender <= TARGETS.fullRenderMB : null },
    { target: 'no request to the served portal fails (polled every 100 ms)', value: runs.map((r) => `${r.probes.failures} of ${r.probes.requests}`).join(', '), met: all((r) => r.probes.failures === 0) },
  ]
}

export function liveTables(results: LiveResults): Table[] {
  const t = (x: Timing) => `${x.p50Seconds} / ${x.p95Seconds} / ${x.maxSeconds}`
  const pages = (list: number[]) => (list.length ? `${Math.min(...list)}–${Math.max(...list)}` : '–')
  return [
    {
      title: 'Publish → live, seconds p50 / p95 / max (from the REST call until the served page shows it); realistic corpus',
      head: ['news', 'publish', 'searchable', 'withdrawal: page', 'withdrawal: everywhere', 'withdrawal: search', 'old article withdrawal', 'home title edit', 'navigation (every sampled page)'],
      rows: results.runs.map((r) => [r.news, t(r.publish), t(r.searchable), t(r.withdrawal.page), t(r.withdrawal.everywhere), t(r.withdrawal.search), t(r.oldWithdrawal), t(r.homeTitleEdit), t(r.navigation)]),
    },
    {
      title: 'Pages re-rendered per change (min–max), full render, peak RSS (MB) per process (the full render is the worker started with --full-first: its peak), probes',
      head: ['news', 'publish', 'withdrawal', 'old withdrawal', 'home edit', 'navigation', 'full render s (reading)', 'full pages', 'first publish after it s', 'RSS cms', 'RSS worker', 'RSS full render', 'RSS server', 'probes', 'non-200'],
      rows: results.runs.map((r) => [
        r.news, pages(r.pagesRendered.publish), pages(r.pagesRendered.withdrawal), pages(r.pagesRendered.oldWithdrawal), pages(r.pagesRendered.homeTitleEdit), pages(r.pagesRendered.navigation),
        r.fullRender ? `${r.fullRender.seconds} (${r.fullRender.loadSeconds ?? '?'})` : '–', r.fullRender?.pages ?? '–', r.firstPublishSeconds, r.peakRssMB.cms ?? '–', r.peakRssMB.worker ?? '–', r.peakRssMB.fullRender ?? '–', r.peakRssMB.server ?? '–', r.probes.requests, r.probes.failures,
      ]),
    },
    {
      title: 'Publish stages, median ms: 发布 request → change committed → picked up by the renderer → manifest renamed (worker render inside) → seen served (the bench polls every 20 ms)',
      head: ['news', 'samples', 'request → committed', 'committed → picked up', 'picked up → manifest', 'worker render', 'manifest → served', 'request → served', 'seeding s (items)'],
      rows: results.runs.map((r) => {
        const s = r.publishStages
        return [r.news, s.samples, s.requestToCommittedMs, s.committedToPickedUpMs, s.pickedUpToManifestMs, s.workerRenderMs, s.manifestToServedMs, s.requestToServedMs, `${r.seedSeconds} (${r.seedItems})`]
      }),
    },
    {
      title: 'Worker start at CMS start (ms since the worker process started): bundle open, content read (begun at once, alongside), first CMS answer, full render; seconds from `next start`',
      head: ['news', 'script', 'open (bundle)', 'read all', 'first CMS answer', 'news read', 'requests', 'Σ wait for CMS ms', 'Σ body+parse ms', 'full() ms', 'of it waiting for content', 'ready at', 'next start → ready s'],
      rows: results.runs.flatMap((r) => {
        const row = (label: string, t: StartTimeline | null | undefined, seconds: number | null | undefined) =>
          [label, t?.scriptAt ?? '–', t?.openMs ?? '–', t?.readMs ?? '–', t?.firstAnswerAt ?? '–', t?.collections.news?.ms ?? '–', t?.requests ?? '–', t?.waitMs ?? '–', t?.bodyMs ?? '–', t?.renderMs ?? '–', t?.full?.loadMs ?? '–', t?.readyAt ?? '–', seconds ?? '–']
        return [
          row(`${r.news} (CMS starting)`, r.fullRender?.timeline, r.fullRender?.readySeconds),
          ...(r.workerRestart ? [row(`${r.news} (worker killed, CMS up: catch-up, s from the kill)`, r.workerRestart.timeline, r.workerRestart.readySeconds)] : []),
        ]
      }),
    },
    {
      title: 'Restart with the portal rendered, changes made while down (seconds from `next start`)',
      head: ['news', 'start', 'full render', 'changes while down', 'worker spawned', 'worker ready', 'changes live', 'first publish after (publish → live)', 'worker: read ms', 'worker: render/catch-up ms (pages)'],
      rows: results.runs.flatMap((r) =>
        r.restarts.map((x) => [r.news, x.start, x.fullRender === null ? '–' : x.fullRender ? 'yes' : 'no', x.changes, x.workerSpawnedSeconds ?? '–', x.readySeconds ?? '–', x.changesLiveSeconds, x.firstPublishSeconds, x.timeline?.readMs ?? '–', x.timeline ? `${x.timeline.renderMs} (${x.timeline.rendered})` : '–']),
      ),
    },
    { title: 'Targets', head: ['target', 'measured', 'met'], rows: results.targets.map((x) => [x.target, x.value, x.met === null ? '–' : x.met ? 'yes' : 'NO']) },
  ]
}
