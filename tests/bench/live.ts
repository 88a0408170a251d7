import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { seed } from '../../cms/src/seed/index'
import { autoBuildEnv, buildStatus, liveBuild, serveLiveSite, waitForBuildStatus } from '../helpers/liveSite'
import { cmsSession, seedPassword } from '../helpers/portal'
import { startBuiltCms } from '../helpers/server'
import { createNews, ensureCmsBuilt, type Log, type Table, withTestPayload } from './cms'
import { quantile, round } from './stats'

const SIZES = [1_000, 10_000] as const
/** Single edits of published articles per size, one after another, each waited for until live. */
const EDITS = 6
/** New articles published through review (editor → reviewer → approver) per size. */
const NEW_ITEMS = 2
/** Pause after a change is live, so the next one starts from an idle builder. */
const GAP_MS = 1_500
const LIVE_TIMEOUT_MS = 300_000
const STARTUP_BUILD_TIMEOUT_MS = 600_000
/** The served site is read this often during the whole run; any answer but 200 is counted. */
const PROBE_EVERY_MS = 100
const TARGET = { p50SecondsAt1k: 5 }

/**
 * One change, timed from the publishing REST call: `seconds` until the served page showed it, made
 * of the call itself, the wait before the build started (debounce), the build (astro build and the
 * swap of the live link), and the switch of the server to the new build (serve.ts).
 */
export type LiveSample = { kind: 'edit' | 'new'; seconds: number; requestSeconds: number; waitSeconds?: number; buildSeconds?: number; switchSeconds?: number }
export type LiveRun = {
  news: number
  startupBuildSeconds: number
  samples: LiveSample[]
  p50Seconds: number
  p95Seconds: number
  maxSeconds: number
  /** Medians of the parts of a sample (see LiveSample). */
  parts: { requestSeconds?: number; waitSeconds?: number; buildSeconds?: number; switchSeconds?: number }
  probes: { requests: number; failures: number; failureExamples: string[] }
}
export type LiveResults = { settings: typeof settings; runs: LiveRun[]; targets: { target: string; value: string; met: boolean | null }[] }

const settings = { sizes: SIZES, edits: EDITS, newItems: NEW_ITEMS, gapMs: GAP_MS, probeEveryMs: PROBE_EVERY_MS, targets: TARGET }

/**
 * Publish → live, as `npm start` runs it: the built CMS with SITE_AUTO_BUILD rebuilds the portal
 * after each publish, site/scripts/serve.ts serves the live build. Each sample is the time from
 * the REST call that publishes a change to the served page showing it. One temp SQLite database:
 * the demo content topped up to 1,000 published news → measure → 10,000 → measure.
 */
export async function benchLive(log: Log): Promise<LiveResults> {
  ensureCmsBuilt(log)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-live-bench-'))
  const buildsDir = path.join(work, 'builds')
  const onInterrupt = () => fs.rmSync(work, { recursive: true, force: true })
  process.once('SIGINT', onInterrupt)
  // The demo accounts get a known password, for the REST sessions below.
  process.env.SEED_PASSWORD = seedPassword
  try {
    return await withTestPayload(async (payload) => {
      log('seeding the demo content (photos included) …')
      await seed(payload)
      const columnIds = (await payload.find({ collection: 'columns', limit: 100, depth: 0 })).docs.map((c) => c.id as number)
      const fromSeed = await publishedNews(payload)
      const runs: LiveRun[] = []
      let created = 0
      for (const size of SIZES) {
        await createNews(payload, columnIds, created, size - fromSeed, log)
        created = size - fromSeed
        runs.push(await measure(size, buildsDir, columnIds[0], log))
      }
      return { settings, runs, targets: targets(runs) }
    })
  } finally {
    process.off('SIGINT', onInterrupt)
    fs.rmSync(work, { recursive: true, force: true })
  }
}

const publishedNews = async (payload: Payload) => (await payload.count({ collection: 'news', where: { _status: { equals: 'published' } } })).totalDocs

async function measure(size: number, buildsDir: string, columnId: number, log: Log): Promise<LiveRun> {
  log(`starting the built CMS (auto-build on) with ${size.toLocaleString('en')} published news …`)
  const startedAt = Date.now()
  const cms = await startBuiltCms({ DATABASE_URL: process.env.DATABASE_URL!, MEDIA_DIR: process.env.MEDIA_DIR!, ...autoBuildEnv(buildsDir) })
  let site: Awaited<ReturnType<typeof serveLiveSite>> | undefined
  let stopProbe = () => {}
  try {
    // The CMS builds the portal as it starts.
    const startup = await waitForBuildStatus(
      buildsDir,
      (s) => Boolean(s.lastSuccessAt && Date.parse(s.lastSuccessAt) > startedAt) || (s.state === 'failed' && Date.parse(s.lastFailureAt!) > startedAt),
      STARTUP_BUILD_TIMEOUT_MS,
    )
    if (startup.state === 'failed') throw new Error(`startup build failed: ${startup.lastError}\n${cms.output().slice(-3000)}`)
    log(`  startup build ${round(startup.durationMs! / 1000)} s`)
    site = await serveLiveSite(buildsDir, { CMS_URL: cms.url })
    const approver = await cmsSession(cms, 'approver@example.com')
    const articles = (await approver.get(`/news?limit=${EDITS}&depth=0&page=2&where[_status][equals]=published`)).docs as { id: number; slug: string; title: string }[]
    const probes = probe(site.url, `/news/${articles[0].slug}/`)
    stopProbe = probes.stop

    const samples: LiveSample[] = []
    for (const [i, article] of articles.entries()) {
      const title = `${article.title.slice(0, 100)}（第${i + 1}次修改）`
      const sample = await timed('edit', buildsDir, site.url, `/news/${article.slug}/`, title, () => approver.patch(`/news/${article.id}`, { title }))
      samples.push(sample)
      log(`  edit ${i + 1}/${articles.length}: ${describe(sample)}`)
    }
    // New items go through review (三审); the clock starts at the approver's publish.
    const editor = await cmsSession(cms, 'editor@example.com')
    const reviewer = await cmsSession(cms, 'reviewer@example.com')
    for (let i = 0; i < NEW_ITEMS; i++) {
      const title = `性能测试新发布稿件${size}-${i + 1}`
      const { doc } = await editor.post('/news?draft=true', { ...newArticle(title, columnId), _status: 'draft', workflowAction: 'submit' })
      await reviewer.patch(`/news/${doc.id}?draft=true`, { workflowAction: 'approve' })
      const sample = await timed('new', buildsDir, site.url, `/news/${doc.slug}/`, title, () => approver.patch(`/news/${doc.id}`, { _status: 'published' }))
      samples.push(sample)
      log(`  new item ${i + 1}/${NEW_ITEMS}: ${describe(sample)}`)
    }
    const seconds = samples.map((s) => s.seconds)
    const median = (part: 'requestSeconds' | 'waitSeconds' | 'buildSeconds' | 'switchSeconds') => {
      const values = samples.flatMap((sample) => (sample[part] === undefined ? [] : [sample[part]!]))
      return values.length ? round(quantile(values, 0.5), 2) : undefined
    }
    return {
      news: size,
      startupBuildSeconds: round(startup.durationMs! / 1000),
      samples,
      p50Seconds: round(quantile(seconds, 0.5)),
      p95Seconds: round(quantile(seconds, 0.95)),
      maxSeconds: round(Math.max(...seconds)),
      parts: { requestSeconds: median('requestSeconds'), waitSeconds: median('waitSeconds'), buildSeconds: median('buildSeconds'), switchSeconds: median('switchSeconds') },
      probes: probes.result(),
    }
  } finally {
    stopProbe()
    await site?.stop()
    await cms.stop()
  }
}

/**
 * Sends the publishing call and polls `url` on the served site until it shows `text`; also notes
 * how long the build that put it live took (the builder's own figure).
 */
async function timed(kind: LiveSample['kind'], buildsDir: string, baseUrl: string, url: string, text: string, publish: () => Promise<unknown>): Promise<LiveSample> {
  const started = Date.now()
  await publish()
  const answered = Date.now()
  const deadline = started + LIVE_TIMEOUT_MS
  for (;;) {
    const response = await fetch(`${baseUrl}${url}`)
    const body = await response.text()
    if (response.status === 200 && body.includes(text)) break
    if (Date.now() > deadline) throw new Error(`${url} did not show “${text}” within ${LIVE_TIMEOUT_MS / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const served = Date.now()
  // The build that put the change live: the live one (its status is written just after the swap).
  let status = buildStatus(buildsDir)
  for (let tries = 0; tries < 40 && status?.liveBuild !== liveBuild(buildsDir); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    status = buildStatus(buildsDir)
  }
  const swapped = status?.lastSuccessAt ? Date.parse(status.lastSuccessAt) : undefined
  const buildStarted = swapped !== undefined && status?.durationMs !== undefined ? swapped - status.durationMs : undefined
  const s = (ms: number | undefined) => (ms === undefined ? undefined : round(ms / 1000, 2))
  await new Promise((resolve) => setTimeout(resolve, GAP_MS))
  return {
    kind,
    seconds: s(served - started)!,
    requestSeconds: s(answered - started)!,
    waitSeconds: s(buildStarted === undefined ? undefined : buildStarted - answered),
    buildSeconds: s(status?.durationMs),
    switchSeconds: s(swapped === undefined ? undefined : served - swapped),
  }
}

const describe = (s: LiveSample) =>
  `${s.seconds} s (request ${s.requestSeconds}, wait ${s.waitSeconds ?? '?'}, build ${s.buildSeconds ?? '?'}, switch ${s.switchSeconds ?? '?'})`

const newArticle = (title: string, column: number) => ({
  title,
  summary: `${title}的摘要。`,
  column,
  publishedAt: new Date().toISOString(),
  body: {
    root: {
      type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
      children: [{
        type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0,
        children: [{ type: 'text', text: '法官工作站开展巡回审判，就地化解矛盾纠纷。', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      }],
    },
  },
})

/** Reads two pages of the served site every PROBE_EVERY_MS for the whole run: no swap may drop a request. */
function probe(baseUrl: string, article: string) {
  let requests = 0
  let failures = 0
  const examples: string[] = []
  let running = true
  const loop = async () => {
    while (running) {
      for (const url of ['/', article]) {
        requests++
        try {
          const response = await fetch(`${baseUrl}${url}`)
          await response.arrayBuffer()
          if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
        } catch (error) {
          failures++
          if (examples.length < 5) examples.push(`${url}: ${(error as Error).message}`)
        }
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS))
    }
  }
  const done = loop()
  return {
    stop: () => {
      running = false
      void done
    },
    result: () => ({ requests, failures, failureExamples: examples }),
  }
}

function targets(runs: LiveRun[]): LiveResults['targets'] {
  const small = runs.find((r) => r.news === SIZES[0])
  return [
    {
      target: `publish → live p50 ≤ ${TARGET.p50SecondsAt1k} s with ${SIZES[0].toLocaleString('en')} news`,
      value: small ? `${small.p50Seconds} s` : 'not measured',
      met: small ? small.p50Seconds <= TARGET.p50SecondsAt1k : null,
    },
    {
      target: 'no request to the served site fails while builds go live',
      value: runs.map((r) => `${r.probes.failures} of ${r.probes.requests}`).join(', '),
      met: runs.every((r) => r.probes.failures === 0),
    },
  ]
}

export function liveTables(results: LiveResults): Table[] {
  const f = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1))
  return [
    {
      title:
        `Publish → live: from the REST call that publishes a change until the served page shows it; ` +
        `${EDITS} edits of published articles + ${NEW_ITEMS} new articles through review per size, one at a time`,
      head: ['news', 'startup build s', 'samples', 'p50 s', 'p95 s', 'max s', 'edits s', 'new items s', 'probe requests', 'failed'],
      rows: results.runs.map((r) => [
        r.news,
        f(r.startupBuildSeconds),
        r.samples.length,
        f(r.p50Seconds),
        f(r.p95Seconds),
        f(r.maxSeconds),
        r.samples.filter((s) => s.kind === 'edit').map((s) => f(s.seconds)).join(' '),
        r.samples.filter((s) => s.kind === 'new').map((s) => f(s.seconds)).join(' '),
        r.probes.requests,
        r.probes.failures,
      ]),
    },
    {
      title: 'Where the time goes (medians, seconds): REST call, wait before the build (debounce), build (astro build + swap), server switch to the new build',
      head: ['news', 'request', 'wait', 'build', 'switch'],
      rows: results.runs.map((r) => [r.news, f(r.parts.requestSeconds), f(r.parts.waitSeconds), f(r.parts.buildSeconds), f(r.parts.switchSeconds)]),
    },
    {
      title: 'Targets',
      head: ['target', 'measured', 'met'],
      rows: results.targets.map((t) => [t.target, t.value, t.met === null ? '–' : t.met ? 'yes' : 'NO']),
    },
  ]
}
