// Serves the live portal build and follows it when the CMS puts a new build live, with no
// downtime and never a mix of two builds.
//
// The CMS builds each version of the portal into a folder of its own (builds/<id>) and points
// the `live` link at it in one rename (cms/src/siteBuild/). @astrojs/node's standalone server
// finds its static files relative to its own entry file, which Node has already resolved through
// the link, so a running server keeps serving the build it started from. So this process (the
// cluster primary) holds the port, and runs the server of the live build in a worker. When `live`
// changes it starts a worker from the new build and, once that one is listening on the shared
// port, lets the old one finish its requests and exit (serveWorker.ts). A new build whose server
// does not start is never switched to: the old worker keeps serving.
//
// `node scripts/serve.ts` (Node 24 runs the TypeScript directly; only erasable syntax here).
// Env: SITE_BUILDS_DIR (default site/builds), PORT (default 4321), HOST; CMS_URL for previews;
// SEARCH_INDEX (default search.sqlite in the live build) for /search/.
import cluster, { type Worker } from 'node:cluster'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const buildsDir = path.resolve(process.env.SITE_BUILDS_DIR ?? path.join(siteDir, 'builds'))
const liveLink = path.join(buildsDir, 'live')
const port = process.env.PORT ?? process.env.SITE_PORT ?? '4321'
/** The link is watched; this poll is the safety net for file systems that drop watch events. */
const POLL_MS = 2000
/** An old worker gets this long to finish its requests before it is stopped (it normally exits by itself). */
const DRAIN_MS = 20_000

type Generation = { worker: Worker; build: string }

let serving: Generation | undefined
let starting: Generation | undefined
let stopping = false
/** Builds whose server did not start: not tried again until `live` points elsewhere. */
const broken = new Set<string>()
let crashes = 0

const log = (message: string) => console.log(`[门户] ${message}`)
const name = (build: string) => path.basename(build)

function liveBuild(): string | undefined {
  try {
    return fs.realpathSync(liveLink)
  } catch {
    return undefined
  }
}

function retire(generation: Generation) {
  const { worker } = generation
  if (worker.isDead()) return
  const timer = setTimeout(() => worker.process.kill('SIGKILL'), DRAIN_MS)
  worker.once('exit', () => clearTimeout(timer))
  // It stops taking connections, answers what is in flight, and exits when its connections end.
  worker.send('retire')
}

function start(build: string) {
  cluster.setupPrimary({ exec: path.join(path.dirname(fileURLToPath(import.meta.url)), 'serveWorker.ts') })
  const generation: Generation = { worker: cluster.fork({ PORT: port, SITE_BUILD_ENTRY: path.join(build, 'server/entry.mjs'), SEARCH_INDEX: process.env.SEARCH_INDEX ?? path.join(build, 'search.sqlite') }), build }
  starting = generation
  generation.worker.once('listening', () => {
    if (starting !== generation) return retire(generation)
    starting = undefined
    const previous = serving
    serving = generation
    crashes = 0
    log(previous ? `已切换到新版本 ${name(build)}` : `正在提供 ${name(build)}，端口 ${port}`)
    if (previous) retire(previous)
  })
  generation.worker.once('exit', (code, signal) => {
    if (stopping) return
    if (starting === generation) {
      starting = undefined
      broken.add(build)
      console.error(`[门户] 新版本 ${name(build)} 的服务没有启动（退出码 ${code ?? signal}）${serving ? `，继续提供 ${name(serving.build)}` : ''}`)
      if (!serving) shutDown(1)
    } else if (serving === generation) {
      serving = undefined
      crashes++
      const delay = Math.min(30_000, 500 * 2 ** crashes)
      console.error(`[门户] 服务意外退出（退出码 ${code ?? signal}），${delay / 1000} 秒后重启`)
      setTimeout(follow, delay)
    }
  })
}

/** Starts a worker for the live build unless it is already served (or being started). */
function follow() {
  if (stopping) return
  const build = liveBuild()
  if (!build || broken.has(build)) return
  if (build === (starting ?? serving)?.build) return
  // An even newer build appeared while one was starting: that one will never be needed.
  if (starting) {
    const superseded = starting
    starting = undefined
    retire(superseded)
  }
  start(build)
}

function shutDown(code = 0) {
  stopping = true
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  setTimeout(() => process.exit(code), 1000).unref()
  if (!Object.keys(cluster.workers ?? {}).length) process.exit(code)
  cluster.on('exit', () => {
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(code)
  })
}

fs.mkdirSync(buildsDir, { recursive: true })
if (!liveBuild()) log(`等待门户首次构建完成（${liveLink}）…`)
fs.watch(buildsDir, (_event, file) => {
  if (file === 'live') follow()
})
setInterval(follow, POLL_MS)
// `kill -HUP` asks for an immediate look, too.
process.on('SIGHUP', follow)
process.on('SIGINT', () => shutDown(0))
process.on('SIGTERM', () => shutDown(0))
follow()
