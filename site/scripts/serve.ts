// The portal server: serves the rendered site (render/) from its manifest, and the few live
// routes (draft preview) from the site's server bundle.
//
// The manifest maps each URL to a content-addressed object that is never rewritten. This server
// loads it, watches its root (and polls, for file systems that drop watch events), parses only the
// shards it has not seen (render/manifest.ts) and swaps the version in memory in one assignment
// once all of them are read: a reader gets the old version or the new one, never a mix. It talks
// to the CMS only for previews, so the CMS being down never takes the portal down. Search is
// answered live too, from the index the renderer keeps beside the manifest (src/search/).
//
// `node scripts/serve.ts` (Node 24 runs the TypeScript directly; only erasable syntax here).
// Env: SITE_OUT (the rendered site, default site/live; SITE_MANIFEST_POLL_MS, the fallback poll), SITE_BUILD_DIR (the astro build: /_astro/
// assets, public files, preview; default site/dist), PORT (default 4321), HOST; CMS_URL for previews;
// SEARCH_INDEX (default <SITE_OUT>/search.sqlite).
import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import sirv from 'sirv'

import { lookup, MANIFEST_FILE, ManifestCache, type ManifestPage, type ShardedPages } from '../render/manifest.ts'
import { compressibleType } from '../render/objects.ts'
import { SHARED_KEY } from '../src/content/cmsSources.ts'
import { setSecurityHeaders, setStaticFileHeaders } from './responseHeaders.ts'

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.resolve(process.env.SITE_OUT ?? path.join(siteDir, 'live'))
const buildDir = path.resolve(process.env.SITE_BUILD_DIR ?? path.join(siteDir, 'dist'))
const port = Number(process.env.PORT ?? process.env.SITE_PORT ?? 4321)
/** The manifest is watched; this poll is the safety net (file systems that drop watch events). */
const POLL_MS = Number(process.env.SITE_MANIFEST_POLL_MS ?? 500)
/** Routes answered live by the bundle, never from the manifest. */
const ON_DEMAND = ['/preview/', '/search/']
process.env.SEARCH_INDEX ??= path.join(outDir, 'search.sqlite')
const NOT_FOUND_KEY = '/404.html'

/** `encodings`, in manifests written before copies were looked up as files, is ignored. */
type Page = ManifestPage
type Site = { stamp: string; objects: string; pages: ShardedPages }
const manifests = new ManifestCache()

const log = (message: string) => console.log(`[门户] ${message}`)

let site: Site | undefined
let assets: { root: string; serve: ReturnType<typeof sirv> } | undefined

function realpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file)
  } catch {
    return undefined
  }
}

/** Loads the manifest if it is new; a manifest (or a shard of it) that cannot be read leaves the current one serving. */
function follow() {
  const dir = realpath(outDir)
  if (!dir) return
  const file = path.join(dir, MANIFEST_FILE)
  let stamp: string
  try {
    const stat = fs.statSync(file)
    stamp = `${dir}:${stat.ino}:${stat.mtimeMs}:${stat.size}`
  } catch {
    return
  }
  if (stamp === site?.stamp) return
  try {
    const pages = manifests.load(dir)
    const first = !site
    site = { stamp, objects: path.join(dir, 'objects'), pages }
    loadFrame(dir)
    log(first ? `正在提供第 ${pages.version} 版（${pages.size} 个页面），端口 ${port}` : `已切换到第 ${pages.version} 版（${pages.size} 个页面，读入 ${manifests.parsed} 个分片）`)
  } catch (error) {
    console.error(`[门户] 读取 ${file} 失败，继续提供当前版本：${(error as Error).message}`)
  }
  const root = realpath(path.join(buildDir, 'client'))
  if (root && root !== assets?.root) {
    assets = { root, serve: sirv(root, { etag: true, brotli: true, gzip: true, setHeaders: setStaticFileHeaders }) }
  }
}

/** The live pages' header, footer and section lists come from the frame written with the manifest. */
function loadFrame(dir: string) {
  const shared = ((globalThis as any)[SHARED_KEY] ??= { als: new AsyncLocalStorage<Set<string>>() })
  try {
    shared.raw = JSON.parse(fs.readFileSync(path.join(dir, 'frame.json'), 'utf8'))
  } catch (error) {
    console.error(`[门户] 读取页面框架 frame.json 失败：${(error as Error).message}`)
  }
}

let mediaRoot = ''
let media: ReturnType<typeof sirv> | undefined
function mediaFiles() {
  // dev: photos arrive while the server runs; sirv then looks each one up.
  const root = path.join(realpath(outDir) ?? outDir, 'media')
  if (root !== mediaRoot) [mediaRoot, media] = [root, sirv(root, { dev: true, etag: true, setHeaders: setStaticFileHeaders })]
  return media!
}

/** Copies in order of preference: `Accept-Encoding` token, file suffix, `Content-Encoding`. */
const COPIES = [
  { accepted: /\bbr\b/, suffix: 'br', encoding: 'br' },
  { accepted: /\bgzip\b/, suffix: 'gz', encoding: 'gzip' },
]

function sendObject(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, page: Page, status = 200) {
  const file = path.join(site!.objects, page.object)
  const compressible = compressibleType(page.type)
  const accepts = compressible ? String(req.headers['accept-encoding'] ?? '') : ''
  // As a static server's gzip_static/brotli_static: a copy is served when its file is there. The
  // renderer writes each copy whole and renames it into place, and may add it after the manifest
  // that names the object went live (a full render's backfill): until then, the plain object.
  let body: Buffer | undefined
  let encoding: string | undefined
  for (const copy of COPIES) {
    if (!copy.accepted.test(accepts)) continue
    try {
      body = fs.readFileSync(`${file}.${copy.suffix}`)
      encoding = copy.encoding
      break
    } catch {
      // not written (yet)
    }
  }
  let modified: Date
  try {
    body ??= fs.readFileSync(file)
    // An object is written once, when this content first appeared.
    modified = fs.statSync(file).mtime
  } catch {
    res.statusCode = 500
    return res.end()
  }
  setStaticFileHeaders(res, pathname)
  res.setHeader('Content-Type', page.type)
  const etag = `"${page.object.split('.')[0]}"`
  res.setHeader('ETag', etag)
  res.setHeader('Last-Modified', modified.toUTCString())
  // Whether a copy exists or not yet: the answer depends on Accept-Encoding either way.
  if (compressible) res.setHeader('Vary', 'Accept-Encoding')
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.statusCode = 304
    return res.end()
  }
  if (encoding) res.setHeader('Content-Encoding', encoding)
  res.setHeader('Content-Length', body.length)
  res.statusCode = status
  res.end(req.method === 'HEAD' ? undefined : body)
}

function notFound(req: http.IncomingMessage, res: http.ServerResponse) {
  const page = site && lookup(site.pages, NOT_FOUND_KEY)
  if (page) return sendObject(req, res, NOT_FOUND_KEY, page, 404)
  res.statusCode = 404
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.end('未找到该页面')
}

process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const entry = path.join(buildDir, 'server/entry.mjs')
const bundle: { handler: http.RequestListener } | undefined = fs.existsSync(entry) ? await import(pathToFileURL(entry).href) : undefined
if (!bundle) console.error(`[门户] 没有找到站点程序 ${entry}：草稿预览不可用（请先运行 npm run build -w site）`)

const server = http.createServer((req, res) => {
  setSecurityHeaders(res)
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://portal').pathname)
  } catch {
    res.statusCode = 400
    return res.end()
  }
  if (ON_DEMAND.some((prefix) => pathname.startsWith(prefix))) {
    if (bundle) return bundle.handler(req, res)
    res.statusCode = 503
    return res.end()
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405
    res.setHeader('Allow', 'GET, HEAD')
    return res.end()
  }
  if (!site) {
    res.statusCode = 503
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    res.setHeader('Retry-After', '5')
    return res.end('门户网站正在生成，请稍后再试。')
  }
  const page = pathname === NOT_FOUND_KEY ? undefined : lookup(site.pages, pathname)
  if (page) return sendObject(req, res, pathname, page)
  if (!pathname.endsWith('/') && lookup(site.pages, `${pathname}/`)) {
    const query = new URL(req.url ?? '/', 'http://portal').search
    res.statusCode = 301
    res.setHeader('Location', `${encodeURI(pathname)}/${query}`)
    return res.end()
  }
  if (pathname.startsWith('/media/')) {
    req.url = req.url!.slice('/media'.length)
    return mediaFiles()(req, res, () => void notFound(req, res))
  }
  if (assets) return assets.serve(req, res, () => void notFound(req, res))
  notFound(req, res)
})

// Node closes an idle keep-alive connection after 5 s; a client that sends on it just then gets a
// reset (browsers retry, fetch does not). Static servers keep them longer (nginx: 75 s).
server.keepAliveTimeout = 30_000

/** A burst of events (a render writes many objects, then renames the manifest) is read once. */
let followQueued = false
function followSoon() {
  if (followQueued) return
  followQueued = true
  setImmediate(() => {
    followQueued = false
    follow()
  })
}

/**
 * Reacts to the manifest's rename at once: watches the output folder, or its parent until the
 * folder exists (and again if it is replaced, e.g. a symlink switched to another folder).
 */
let watcher: fs.FSWatcher | undefined
let watching: string | undefined
function watchOutput() {
  const target = fs.existsSync(outDir) ? outDir : path.dirname(outDir)
  const key = `${target}:${realpath(target)}`
  if (key === watching) return
  watcher?.close()
  watcher = undefined
  watching = key
  const relevant = target === outDir ? [MANIFEST_FILE, 'frame.json'] : [path.basename(outDir)]
  try {
    watcher = fs.watch(target, (_event, name) => {
      if (name !== null && !relevant.includes(String(name))) return
      if (target !== outDir) watchOutput()
      followSoon()
    })
    watcher.on('error', () => {
      watching = undefined
    })
  } catch {
    watching = undefined // the poll below still follows it
  }
}

follow()
if (!site) log(`等待门户首次生成（${path.join(outDir, MANIFEST_FILE)}）…`)
watchOutput()
setInterval(() => {
  watchOutput()
  follow()
}, POLL_MS)
process.on('SIGHUP', follow)
const shutDown = () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
  setTimeout(() => process.exit(0), 1000).unref()
}
process.on('SIGINT', shutDown)
process.on('SIGTERM', shutDown)
server.listen(port, process.env.HOST ?? '0.0.0.0')
