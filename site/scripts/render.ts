// The portal renderer's command line (render/):
//   node scripts/render.ts --full     renders every page, writes the manifest, prints {"ok":true,"pages":N,"ms":T};
//     plain objects only (the nightly check compares hashes); with --compress it then writes their brotli/gzip copies
//     (a deploy). The worker writes them in the background after its full render, and whatever a kill left out at its next start.
//   node scripts/render.ts --worker   prints {"ready":true}, then answers one JSON line per JSON line on stdin:
//     {"seq":1,"changes":[{"kind":"doc","collection":"news","id":123},{"kind":"global","slug":"navigation"}]}
//     → {"seq":1,"ok":true,"rendered":N,"removed":M,"ms":T,"urls":[…first 50]} or {"seq":1,"ok":false,"error":"…"}
//   node scripts/render.ts --worker --full-first   renders every page first and prints {"full":true,"ok":true,"pages":N,"ms":T,"loadMs":L}
//     before {"ready":true} (L: of T, the wait for the content, whose reading began with the process).
//   node scripts/render.ts --worker --full-if-changed   renders every page first only if the bundle or renderer changed
//     since the last full render (render/fingerprint.ts) or the output is not complete; else catches up, as plain --worker does.
//     Every --worker start first prints {"start":"full"|"catch-up","reason":"…"}; a catch-up then prints
//     {"caughtUp":true,"rendered":N,"removed":M,"ms":T}, a full render {"full":true,…} as above, before {"ready":true}.
//     A worker that fails to start prints {"ok":false,"error":"…"} and exits 1.
// Once ready, a worker also writes <SITE_OUT>/ready.json {"pid","readyAt" (epoch ms),"mode","reason"}.
// Once ready (or done, --full), one stderr line "[渲染] 启动用时 {…}" gives the start's timeline (scripts/startup.ts).
// Logs go to stderr. Env: CMS_URL, SITE_URL (the bundle was built for it), SITE_OUT (default site/live),
// SITE_BUILD_DIR (the astro build, default site/dist), MEDIA_DIR (default ../media).
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

import { cmsSource } from '../render/content.ts'
import { discardWarning } from '../render/mountOptions.ts'
import { READY_FILE, writeAtomically } from '../render/objects.ts'
import { Renderer, type StartMode } from '../render/renderer.ts'
import { newTimeline, prefetchingSource, timelineLine } from './startup.ts'

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const options = {
  buildDir: path.resolve(process.env.SITE_BUILD_DIR ?? path.join(siteDir, 'dist')),
  outDir: path.resolve(process.env.SITE_OUT ?? path.join(siteDir, 'live')),
  mediaDir: path.resolve(process.env.MEDIA_DIR ?? path.join(siteDir, '../media')),
}
// The search index lives beside the rendered site (src/search/indexPath.ts reads this).
process.env.SEARCH_INDEX ??= path.join(options.outDir, 'search.sqlite')
/** After an event's start, so that it reads as past. */
const CLOCK_SLACK_MS = 1_000
/** Longest wait Node's timers take (about 24.8 days); a later event is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1
const say = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`)
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

// Astro's own console output (warnings) must not mix into the protocol on stdout.
console.log = console.info = (...args: unknown[]) => console.error(...args)

const mode = process.argv[2]
const rendering = mode === '--full' || mode === '--worker'
if (rendering) {
  const warning = discardWarning(options.outDir)
  if (warning) console.error(warning)
}
const timeline = newTimeline()
// The content is read from the CMS while the bundle loads (it needs none of it): scripts/startup.ts.
const source = rendering ? prefetchingSource(cmsSource, timeline) : cmsSource
/** Renderer.open, timed. */
async function open() {
  const opening = performance.now()
  const renderer = await Renderer.open({ ...options, source })
  timeline.openedAt = Math.round(performance.now())
  timeline.openMs = Math.round(performance.now() - opening)
  return renderer
}
/** The split of a full render just done (what it waited for the read, rendering, publishing, search). */
const fullSplit = (renderer: Renderer) => ({ ...renderer.lastTimings })

if (mode === '--full') {
  try {
    const renderer = await open()
    const summary = await renderer.full()
    if (process.argv.includes('--compress')) await renderer.compressAll()
    await renderer.close()
    console.error(timelineLine({ ...timeline, mode: 'full', renderMs: summary.ms, rendered: summary.rendered, full: fullSplit(renderer) }))
    say({ ok: true, pages: summary.rendered, ms: summary.ms })
    process.exit(0)
  } catch (error) {
    say({ ok: false, error: reason(error) })
    process.exit(1)
  }
} else if (mode === '--worker') {
  const startMode: StartMode = process.argv.includes('--full-first') ? 'always' : process.argv.includes('--full-if-changed') ? 'if-changed' : 'never'
  let renderer: Renderer
  try {
    renderer = await open()
    // The segmenter's dictionary (~0.3 s) loads while the content may still be coming in.
    const warming = performance.now()
    renderer.warmSearch()
    timeline.warmMs = Math.round(performance.now() - warming)
    timeline.fingerprintMs = renderer.fingerprintMs
    // Asked to (the CMS's full render at start: always, or when the templates changed), or no
    // complete, trustworthy output (first start, killed between its two writes, files lost): render
    // everything, then stay on as the worker with the content already loaded, instead of a second
    // process loading it again. Else only what changed while no worker ran.
    const planning = performance.now()
    const plan = renderer.startPlan(startMode)
    timeline.planMs = Math.round(performance.now() - planning)
    timeline.startReason = plan.reason
    say({ start: plan.full ? 'full' : 'catch-up', reason: plan.reason })
    console.error(`[渲染] ${plan.reason}`)
    if (plan.full) {
      const summary = await renderer.full()
      Object.assign(timeline, { mode: 'full', renderMs: summary.ms, rendered: summary.rendered, full: fullSplit(renderer) })
      // loadMs: of ms, the wait for the read (begun as the process started, it overlaps the bundle's loading).
      say({ full: true, ok: true, pages: summary.rendered, ms: summary.ms, loadMs: renderer.lastTimings?.loadMs })
    } else {
      await renderer.loadContent()
      const summary = await renderer.catchUp()
      Object.assign(timeline, { mode: 'catch-up', renderMs: summary.ms, rendered: summary.rendered, removed: summary.removed })
      if (summary.rendered || summary.removed) console.error(`[渲染] 启动时补上未生成的更改：${summary.rendered} 个页面`)
      say({ caughtUp: true, ok: true, rendered: summary.rendered, removed: summary.removed, ms: summary.ms })
    }
    // Ready at once: the copies of what the full render (or a killed backfill) left plain follow in the background.
    void renderer.compressAll()
  } catch (error) {
    say({ ok: false, error: reason(error) })
    process.exit(1)
  }
  timeline.readyAt = Math.round(performance.now())
  timeline.readyEpoch = Date.now()
  console.error(timelineLine(timeline))
  say({ ready: true })
  // For whoever waits for the portal without talking to the CMS (npm start: cms/scripts/start-all.ts).
  writeAtomically(path.join(options.outDir, READY_FILE), JSON.stringify({ pid: process.pid, readyAt: timeline.readyEpoch, mode: timeline.mode, reason: timeline.startReason }))
  // One change set at a time, in order.
  let queue = Promise.resolve()
  // Pages that show upcoming events change when the next one starts, with no change in the CMS:
  // re-render them then (in the same queue), so the served pages and a fresh render agree.
  let clock: NodeJS.Timeout | undefined
  const watchClock = () => {
    clearTimeout(clock)
    const next = renderer.nextClockChange()
    if (next === undefined) return
    const wait = Math.min(Math.max(0, next - Date.now()) + CLOCK_SLACK_MS, MAX_TIMER_MS)
    clock = setTimeout(() => {
      queue = queue.then(async () => {
        try {
          const summary = await renderer.catchUp()
          console.error(`[渲染] 活动开始时间已到，重新生成 ${summary.rendered} 个页面`)
        } catch (error) {
          console.error(`[渲染] 活动开始后重新生成页面失败：${reason(error)}`)
        }
        watchClock()
      })
    }, wait)
    clock.unref()
  }
  watchClock()
  const lines = readline.createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    queue = queue.then(async () => {
      let seq: unknown
      try {
        const message = JSON.parse(line)
        seq = message.seq
        if (!Array.isArray(message.changes)) throw new Error('消息缺少 changes 列表')
        const summary = await renderer.change(message.changes)
        say({ seq, ok: true, ...summary })
      } catch (error) {
        say({ seq, ok: false, error: reason(error) })
      }
      // Live and answered: an overdue clear-out of old objects holds up only the next change.
      await renderer.tidy().catch((error) => console.error(`[渲染] 清理旧版本的页面文件失败：${reason(error)}`))
      watchClock()
    })
  })
  lines.on('close', () => void queue.then(() => renderer.close()).then(() => process.exit(0)))
} else {
  console.error('用法：node scripts/render.ts --full | --worker')
  process.exit(2)
}
