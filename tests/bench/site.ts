import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import autocannon from 'autocannon'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { Payload } from 'payload'

import { columns as seedColumns } from '../../cms/src/seed/data/columns'
import { news as seedNews } from '../../cms/src/seed/data/news'
import { seed } from '../../cms/src/seed/index'
import { launchChromium } from '../helpers/browser'
import { binDir, siteDir } from '../helpers/paths'
import { type BuiltSite, serveSite } from '../helpers/portal'
import type { RunningCms } from '../helpers/server'
import { createNews, ensureCmsBuilt, type Log, startBuiltCmsOnTestDb, type Table, withTestPayload } from './cms'
import {
  type BuildStages, buildStages, htmlFiles, loaderCounts, markerClock, type PageWeight, pagefindRuntime, pageWeights, prerenderedRoutes,
} from './siteStats'
import { perSecond, quantile, round } from './stats'

const SIZES = [1_000, 10_000] as const
// Every child process and loop is bounded, so a pathological build cannot hold the run for long.
const BUILD_TIMEOUT_MS = 300_000
const LIGHTHOUSE_TIMEOUT_MS = 120_000
const LOAD = { connections: 10, durationSeconds: 10, warmupRequests: 20 }
const TARGETS = { buildSecondsAt10k: 60, articleGzipKB: 30, articleJsToReadKB: 0 }
const CHROME_PATH = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// The flags the portal tests use: headless, and off the (closed) network.
const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const GNU_TIME = '/usr/bin/time'

// Fixed pages from the demo content, so runs compare.
const articleSlug = seedNews.find((n) => n.state === 'published')!.slug
const columnSlug = [...seedColumns].sort((a, b) => a.order - b.order)[0].slug
const SAMPLE_PAGES = [
  { page: 'home', path: '/' },
  { page: 'column list', path: `/columns/${columnSlug}/` },
  { page: 'news article', path: `/news/${articleSlug}/` },
]

export type BuildRun = {
  news: number
  /** cold: empty cache dir (no content store, no Vite cache); unchanged: again, nothing changed in the CMS. */
  run: 'cold' | 'unchanged'
  seconds: number
  timedOut: boolean
  /** Prerendered routes (HTML pages, RSS feeds, .ics files). */
  routes: number
  htmlPages: number
  routesPerSecond: number
  peakRssMB?: number
  peakRssMethod: string
  stages?: BuildStages
  /** What the CMS loader reported per collection. */
  loader: Record<string, { published: number; changed: number }>
}
export type PageWeightResult = PageWeight & { readableWithoutJs?: boolean; jsToReadGzip?: number }
export type LighthouseResult = {
  page: string
  path: string
  scores?: Record<string, number | null>
  metrics?: Record<string, number | undefined>
  error?: string
}
export type LoadResult = {
  path: string
  connections: number
  seconds: number
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  non2xx: number
  errors: number
  timeouts: number
}
export type SiteResults = {
  settings: typeof settings
  content: Record<string, number>
  builds: BuildRun[]
  pageWeight: { builtWith: number; gzip: string; pages: PageWeightResult[]; pagefindOnDemand: { file: string; gzipBytes: number }[] }
  lighthouse: { builtWith: number; formFactor: string; chrome: string; flags: string[]; results: LighthouseResult[]; error?: string }
  server: LoadResult
  targets: { target: string; value: string; met: boolean | null }[]
}

const settings = { sizes: SIZES, buildTimeoutMs: BUILD_TIMEOUT_MS, lighthouseTimeoutMs: LIGHTHOUSE_TIMEOUT_MS, load: LOAD, targets: TARGETS, samplePages: SAMPLE_PAGES }

/**
 * One temp SQLite database: the demo content (columns, workstations, stories, events, families,
 * ~20 news with photos) topped up to 1,000 published news → build twice, then weigh, Lighthouse
 * and load-test the served 1k build → grow to 10,000 → build twice. The built CMS serves the
 * database to `astro build` over REST, exactly as in production.
 */
export async function benchSite(log: Log): Promise<SiteResults> {
  ensureCmsBuilt(log)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-site-bench-'))
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true })
  // Registered before withTestPayload's own handler, which then exits.
  const onInterrupt = () => {
    runningBuild?.kill()
    removeWork()
  }
  process.once('SIGINT', onInterrupt)
  try {
    return await withTestPayload(async (payload) => {
      log('seeding the demo content (photos included) …')
      await seed(payload)
      const content = await publishedCounts(payload)
      const columnIds = (await payload.find({ collection: 'columns', limit: 100, depth: 0 })).docs.map((c) => c.id as number)
      const fromSeed = content.news
      const builds: BuildRun[] = []

      await createNews(payload, columnIds, 0, SIZES[0] - fromSeed, log)
      const small = await buildTwice(SIZES[0], work, builds, log)
      if (!small) throw new Error(`the ${SIZES[0]}-news build did not finish within ${BUILD_TIMEOUT_MS / 1000} s`)

      log('weighing pages of the 1k build …')
      const weights = pageWeights(path.join(small.outDir, 'client'))
      log('serving the 1k build (CMS stopped) …')
      const served = await serveSite(small)
      let pages: PageWeightResult[]
      let lighthouseRun: SiteResults['lighthouse']
      let server: LoadResult
      try {
        pages = await checkReadableWithoutJs(served.url, weights, log)
        lighthouseRun = await runLighthouse(served.url, log)
        server = await loadTest(served.url, `/news/${articleSlug}/`, log)
      } finally {
        await served.stop()
      }
      const pageWeight = { builtWith: SIZES[0], gzip: 'zlib level 6', pages, pagefindOnDemand: pagefindRuntime(path.join(small.outDir, 'client')) }
      fs.rmSync(small.outDir, { recursive: true, force: true })

      await createNews(payload, columnIds, SIZES[0] - fromSeed, SIZES[1] - fromSeed, log)
      await buildTwice(SIZES[1], work, builds, log)
      fs.rmSync(path.join(work, `out-${SIZES[1]}`), { recursive: true, force: true })

      const results = { settings, content: { ...content, news: SIZES[1] }, builds, pageWeight, lighthouse: lighthouseRun, server }
      return { ...results, targets: targets(results) }
    })
  } finally {
    process.off('SIGINT', onInterrupt)
    removeWork()
  }
}

async function publishedCounts(payload: Payload): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const collection of ['news', 'stories', 'events', 'families'] as const) {
    counts[collection] = (await payload.count({ collection, where: { _status: { equals: 'published' } } })).totalDocs
  }
  for (const collection of ['workstations', 'columns', 'media'] as const) counts[collection] = (await payload.count({ collection })).totalDocs
  return counts
}

// ---------------------------------------------------------------------------------------------
// astro build

/**
 * A cold build (fresh cache dir) and a second one with nothing changed, into the same folder.
 * Undefined when a build ran out of time (its row is still recorded).
 */
async function buildTwice(news: number, work: string, builds: BuildRun[], log: Log): Promise<BuiltSite | undefined> {
  log(`starting the built CMS with ${news.toLocaleString('en')} published news …`)
  const cms = await startBuiltCmsOnTestDb()
  try {
    const outDir = path.join(work, `out-${news}`)
    const cacheDir = path.join(work, `cache-${news}`)
    let site: BuiltSite | undefined
    for (const run of ['cold', 'unchanged'] as const) {
      log(`astro build, ${news.toLocaleString('en')} news, ${run} …`)
      const { built, result } = await measuredBuild(cms, outDir, cacheDir, news, run)
      builds.push(result)
      if (result.timedOut) {
        log(`  did not finish within ${BUILD_TIMEOUT_MS / 1000} s; stopped`)
        return undefined
      }
      const seen = result.loader.news?.published
      if (seen !== undefined && seen !== news) throw new Error(`the build saw ${seen} published news, expected ${news}`)
      log(`  ${result.seconds} s, ${result.routes} routes, peak RSS ${result.peakRssMB ?? '?'} MB`)
      site = built
    }
    return site
  } finally {
    await cms.stop()
  }
}

/**
 * `astro build` as tests/helpers/portal.ts buildSite runs it (same env), but with a cache dir of
 * its own (so the content store the unchanged rebuild relies on is not shared with, or clobbered
 * by, builds other people run at the same time) and under GNU time for the peak RSS.
 */
async function measuredBuild(cms: RunningCms, outDir: string, cacheDir: string, news: number, run: BuildRun['run']) {
  const config = path.join(path.dirname(cacheDir), `astro.config.${path.basename(cacheDir)}.mjs`)
  fs.writeFileSync(
    config,
    `import base from ${JSON.stringify(pathToFileURL(path.join(siteDir, 'astro.config.mjs')).href)}\n` +
      `export default { ...base, cacheDir: ${JSON.stringify(cacheDir)} }\n`,
  )
  // Astro joins --config to the project root, so it must be relative.
  const astro = [path.join(binDir, 'astro'), 'build', '--config', path.relative(siteDir, config)]
  const rssFile = path.join(path.dirname(cacheDir), 'peak-rss.txt')
  fs.rmSync(rssFile, { force: true })
  const useGnuTime = fs.existsSync(GNU_TIME)
  const [command, ...args] = useGnuTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...astro] : astro
  const env = {
    ...process.env,
    PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
    CMS_URL: cms.url,
    MEDIA_DIR: process.env.MEDIA_DIR!,
    SITE_OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  }

  const started = performance.now()
  const clock = markerClock(started)
  // Own process group, so a timeout can end astro and Pagefind with it.
  const child = spawn(command, args, { cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const poll = useGnuTime ? undefined : pollPeakRss(child)
  let output = ''
  let partial = ''
  const onData = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8')
    const lines = text.split('\n')
    partial = lines.pop()!
    for (const line of lines) clock.line(line)
    output += chunk.toString('utf8')
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  let timedOut = false
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  runningBuild = { kill: killGroup }
  const timer = setTimeout(() => {
    timedOut = true
    killGroup()
  }, BUILD_TIMEOUT_MS)
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  clearTimeout(timer)
  runningBuild = undefined
  const totalMs = performance.now() - started
  const polled = poll?.stop()
  if (!timedOut && code !== 0) throw new Error(`astro build exited with ${code}:\n${output.slice(-4000)}`)

  const measured = useGnuTime && fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : polled
  const routes = prerenderedRoutes(output)
  const clientDir = path.join(outDir, 'client')
  const result: BuildRun = {
    news,
    run,
    seconds: round(totalMs / 1000),
    timedOut,
    routes,
    htmlPages: fs.existsSync(clientDir) ? htmlFiles(clientDir).length : 0,
    routesPerSecond: perSecond(routes, totalMs),
    peakRssMB: measured === undefined || Number.isNaN(measured) ? undefined : Math.round(measured),
    peakRssMethod: useGnuTime ? 'GNU time %M (largest process of the build: astro\'s node, or Pagefind)' : 'VmHWM of astro\'s node process, polled every 100 ms',
    stages: buildStages(clock.times, totalMs, output),
    loader: loaderCounts(output),
  }
  return { built: { outDir, seconds: result.seconds, log: output } satisfies BuiltSite, result }
}

/** The build under way, so Ctrl-C can end its process group too. */
let runningBuild: { kill: () => void } | undefined

/** Without GNU time: the high-water mark of the node process, read from /proc while it runs. */
function pollPeakRss(child: ChildProcess) {
  let peakKB = 0
  const read = () => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0)
      peakKB = Math.max(peakKB, kb)
    } catch {
      // exited
    }
  }
  const timer = setInterval(read, 100)
  return {
    stop: () => {
      clearInterval(timer)
      return peakKB ? peakKB / 1024 : undefined
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Pages without JavaScript, Lighthouse, load

/** Opens each template's page with JavaScript off: is the heading and the text there? */
async function checkReadableWithoutJs(baseUrl: string, weights: PageWeight[], log: Log): Promise<PageWeightResult[]> {
  log('checking every template reads with JavaScript off …')
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const results: PageWeightResult[] = []
    for (const weight of weights) {
      await page.goto(`${baseUrl}${weight.path}`, { timeout: 30_000 })
      const { heading, text } = await page.evaluate(() => ({
        heading: document.querySelector('main h1')?.textContent?.trim() ?? '',
        text: (document.querySelector('main') as HTMLElement | null)?.innerText.trim() ?? '',
      }))
      const readableWithoutJs = heading.length > 0 && text.length > heading.length + 20
      // /search/ reads (heading, section links) but its results are made by script.
      const jsNeeded = !readableWithoutJs || weight.template === 'search'
      results.push({ ...weight, readableWithoutJs, jsToReadGzip: jsNeeded ? weight.jsGzip + weight.inlineJsGzip : 0 })
    }
    return results
  } finally {
    await browser.close()
  }
}

/** Lighthouse (mobile, its default) on the sample pages, with Debian's Chromium via chrome-launcher. */
async function runLighthouse(baseUrl: string, log: Log): Promise<SiteResults['lighthouse']> {
  const run: SiteResults['lighthouse'] = { builtWith: SIZES[0], formFactor: 'mobile (Lighthouse default: simulated slow 4G, 4× CPU slowdown)', chrome: CHROME_PATH, flags: CHROME_FLAGS, results: [] }
  if (!fs.existsSync(CHROME_PATH)) {
    run.error = `no Chromium at ${CHROME_PATH} (set CHROME_PATH); Lighthouse not run`
    return run
  }
  let chrome: chromeLauncher.LaunchedChrome
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  } catch (error) {
    run.error = `chrome-launcher could not start ${CHROME_PATH}: ${(error as Error).message}`
    return run
  }
  try {
    for (const { page, path: pagePath } of SAMPLE_PAGES) {
      log(`Lighthouse ${pagePath} …`)
      try {
        const result = await withTimeout(
          lighthouse(`${baseUrl}${pagePath}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] }),
          LIGHTHOUSE_TIMEOUT_MS,
          `Lighthouse on ${pagePath}`,
        )
        const lhr = result?.lhr
        if (!lhr) throw new Error('Lighthouse returned no report')
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`)
        const numeric = (id: string) => (lhr.audits[id]?.numericValue === undefined ? undefined : round(lhr.audits[id].numericValue!))
        run.results.push({
          page,
          path: pagePath,
          scores: Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score! * 100)])),
          metrics: {
            fcpMs: numeric('first-contentful-paint'),
            lcpMs: numeric('largest-contentful-paint'),
            tbtMs: numeric('total-blocking-time'),
            cls: lhr.audits['cumulative-layout-shift']?.numericValue,
            speedIndexMs: numeric('speed-index'),
          },
        })
      } catch (error) {
        run.results.push({ page, path: pagePath, error: (error as Error).message })
      }
    }
  } finally {
    chrome.kill()
  }
  return run
}

/** autocannon on one page of the served build: fixed connections and duration, after a short warm-up. */
async function loadTest(baseUrl: string, pagePath: string, log: Log): Promise<LoadResult> {
  const url = `${baseUrl}${pagePath}`
  for (let i = 0; i < LOAD.warmupRequests; i++) {
    const response = await fetch(url)
    if (response.status !== 200) throw new Error(`GET ${url} → ${response.status}`)
    await response.arrayBuffer()
  }
  log(`autocannon ${pagePath}: ${LOAD.connections} connections, ${LOAD.durationSeconds} s …`)
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: LOAD.connections, duration: LOAD.durationSeconds, timeout: 10 }, (error, done) => (error ? reject(error) : resolve(done)))
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      if (latencies.length < 5_000_000) latencies.push(ms)
    })
    // autocannon stops itself after `duration`; this is only a backstop.
    setTimeout(() => instance.stop(), (LOAD.durationSeconds + 20) * 1000).unref()
  })
  if (latencies.length === 0) throw new Error(`autocannon got no responses from ${url}`)
  return {
    path: pagePath,
    connections: LOAD.connections,
    seconds: round(result.duration, 2),
    requests: result.requests.total,
    requestsPerSecond: perSecond(result.requests.total, result.duration * 1000),
    p50Ms: round(quantile(latencies, 0.5), 2),
    p95Ms: round(quantile(latencies, 0.95), 2),
    maxMs: round(Math.max(...latencies), 2),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms))),
  ])
}

// ---------------------------------------------------------------------------------------------
// Report

function targets(results: Omit<SiteResults, 'targets'>): SiteResults['targets'] {
  const cold10k = results.builds.find((b) => b.news === SIZES[1] && b.run === 'cold')
  const article = results.pageWeight.pages.find((p) => p.template === 'news article')
  return [
    {
      target: `build of ${SIZES[1].toLocaleString('en')} news ≤ ${TARGETS.buildSecondsAt10k} s (cold)`,
      value: !cold10k ? 'not measured' : cold10k.timedOut ? `> ${BUILD_TIMEOUT_MS / 1000} s (stopped)` : `${cold10k.seconds} s`,
      met: cold10k ? !cold10k.timedOut && cold10k.seconds <= TARGETS.buildSecondsAt10k : null,
    },
    {
      target: `news article ≤ ${TARGETS.articleGzipKB} KB gzip (HTML+CSS+JS, heaviest article)`,
      value: article ? `${kb(article.totalGzip)} KB` : 'not measured',
      met: article ? article.totalGzip <= TARGETS.articleGzipKB * 1024 : null,
    },
    {
      target: 'news article: 0 KB JS needed to read',
      value: article?.jsToReadGzip === undefined ? 'not measured' : `${kb(article.jsToReadGzip)} KB (reads with JS off: ${article.readableWithoutJs ? 'yes' : 'no'})`,
      met: article?.jsToReadGzip === undefined ? null : article.jsToReadGzip === 0,
    },
  ]
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const fixed = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1))

export function siteTables(results: SiteResults): Table[] {
  const { builds, pageWeight, lighthouse: lh, server } = results
  const scripts = new Map<string, { gzipBytes: number; role: string; pages: string[] }>()
  for (const page of pageWeight.pages) {
    for (const script of page.scripts) {
      const key = script.file.startsWith('(inline') ? `(inline, ${script.role.split(/[ (:]/)[0]})` : script.file
      const entry = scripts.get(key) ?? { gzipBytes: script.gzipBytes, role: script.role, pages: [] }
      entry.pages.push(page.template)
      scripts.set(key, entry)
    }
  }
  return [
    {
      title:
        `astro build from the built CMS over REST (content: ${Object.entries(results.content).map(([k, v]) => `${k} ${v}`).join(', ')} at the largest size); ` +
        'cold = fresh cache dir, unchanged = same cache, nothing changed in the CMS',
      head: ['news', 'build', 'seconds', 'routes', 'HTML pages', 'routes/s', 'peak RSS MB', 'news changed'],
      rows: builds.map((b) => [
        b.news, b.run, b.timedOut ? `> ${fixed(b.seconds)} (stopped)` : fixed(b.seconds), b.routes, b.htmlPages, fixed(b.routesPerSecond), b.peakRssMB ?? '–',
        b.loader.news ? `${b.loader.news.changed} of ${b.loader.news.published}` : '–',
      ]),
    },
    {
      title: 'Build stages, seconds (from the times progress lines arrive; rough)',
      head: ['news', 'build', 'start-up', 'content sync', 'bundle', 'prerender', 'after (sitemap, media, Pagefind)', 'of which Pagefind'],
      rows: builds.map((b) => {
        const s = b.stages
        return [b.news, b.run, fixed(s?.startupSeconds), fixed(s?.contentSeconds), fixed(s?.bundleSeconds), fixed(s?.prerenderSeconds), fixed(s?.afterSeconds), fixed(s?.pagefindSeconds)]
      }),
    },
    {
      title: `Page weight, KB gzip (${pageWeight.gzip}), ${pageWeight.builtWith.toLocaleString('en')}-news build: heaviest page of each template; JS to read = what must run before the page can be read (checked in Chromium with JS off)`,
      head: ['template', 'page', 'pages', 'HTML', 'CSS', 'JS files', 'inline JS', 'total', 'median total', 'JS to read'],
      rows: pageWeight.pages.map((p) => [
        p.template, p.path, p.pages, kb(p.htmlGzip), kb(p.cssGzip), kb(p.jsGzip), kb(p.inlineJsGzip), kb(p.totalGzip), kb(p.medianTotalGzip),
        p.jsToReadGzip === undefined ? '–' : p.template === 'search' ? `${kb(p.jsToReadGzip)} + Pagefind (results only)` : kb(p.jsToReadGzip),
      ]),
    },
    {
      title: 'Scripts on those pages (total = HTML + CSS + JS files; inline JS is inside the HTML figure)',
      head: ['script', 'KB gzip', 'role', 'templates'],
      rows: [
        ...[...scripts].map(([file, s]) => [file, kb(s.gzipBytes), s.role, s.pages.length === pageWeight.pages.length ? 'all' : s.pages.join(', ')]),
        ...pageWeight.pagefindOnDemand.map((f) => [f.file, kb(f.gzipBytes), 'Pagefind, loaded on demand by /search/ (plus index chunks per query)', 'search']),
      ],
    },
    lh.error
      ? { title: `Lighthouse: not run — ${lh.error}`, head: ['page'], rows: [] }
      : {
          title: `Lighthouse ${lh.formFactor}, ${lh.builtWith.toLocaleString('en')}-news build on 127.0.0.1 (${lh.chrome})`,
          head: ['page', 'path', ...LIGHTHOUSE_CATEGORIES, 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'],
          rows: lh.results.map((r) =>
            r.error
              ? [r.page, r.path, `not run: ${r.error}`, '', '', '', '', '', '', '']
              : [r.page, r.path, ...LIGHTHOUSE_CATEGORIES.map((c) => r.scores?.[c] ?? '–'), Math.round(r.metrics?.fcpMs ?? 0), Math.round(r.metrics?.lcpMs ?? 0), Math.round(r.metrics?.tbtMs ?? 0), (r.metrics?.cls ?? 0).toFixed(3)],
          ),
        },
    {
      title: `Portal Node server (@astrojs/node standalone), autocannon on 127.0.0.1, same machine (the load generator shares the ${os.cpus().length} cores)`,
      head: ['page', 'connections', 'seconds', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'max ms', 'non-2xx', 'errors'],
      rows: [[server.path, server.connections, fixed(server.seconds), server.requests, fixed(server.requestsPerSecond), server.p50Ms.toFixed(2), server.p95Ms.toFixed(2), server.maxMs.toFixed(1), server.non2xx, server.errors + server.timeouts]],
    },
    {
      title: 'Targets',
      head: ['target', 'measured', 'met'],
      rows: results.targets.map((t) => [t.target, t.value, t.met === null ? '–' : t.met ? 'yes' : 'NO']),
    },
  ]
}
