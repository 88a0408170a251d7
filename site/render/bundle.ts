// Renders URLs through the site's built server bundle (astro build, @astrojs/node), exactly as
// the bundle would answer a reader, and records each page's dependency tags.
//
// The adapter's entry exports a Node request handler only; the store module (src/content/store.ts)
// hands the renderer Astro's App entry, and each URL is rendered by calling the App as that
// handler does. Every render runs inside its own AsyncLocalStorage set, which the store fills with
// what the page read.
import { AsyncLocalStorage } from 'node:async_hooks'
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { type RawContent, SHARED_KEY } from '../src/content/cmsSources.ts'
import type { StoreApi } from '../src/content/store.ts'

export type Rendered = { url: string; status: number; type: string; body: Buffer; tags: string[] }
type Shared = { raw?: RawContent; als: AsyncLocalStorage<Set<string>>; api?: StoreApi }

/** The URL the 404 page is rendered from (any URL no route answers). */
export const NOT_FOUND_PROBE = '/__liushan-not-found__/'

/**
 * Astro sends an on-demand page's script and style hashes as a Content-Security-Policy header; a
 * static file carries no headers, so the policy goes into the page as the <meta> Astro writes for
 * prerendered pages, right after <meta charset>.
 */
function withPolicyMeta(body: Buffer, policy: string): Buffer {
  const meta = Buffer.from(`<meta http-equiv="content-security-policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`)
  // Astro writes this exact charset tag: found in the bytes, the page is not decoded and encoded again.
  const exact = body.indexOf(CHARSET_META)
  let at = exact >= 0 ? exact + CHARSET_META.length : -1
  if (at < 0) {
    const html = body.toString('utf8')
    const charset = /<meta charset="?utf-8"?>/i.exec(html)
    at = Buffer.byteLength(charset ? html.slice(0, charset.index + charset[0].length) : html.slice(0, html.indexOf('<head>') + '<head>'.length))
  }
  return Buffer.concat([body.subarray(0, at), meta, body.subarray(at)])
}
const CHARSET_META = Buffer.from('<meta charset="utf-8">')

export type Bundle = {
  setContent(content: RawContent): void
  routes(): string[]
  viewDigests(): Map<string, string>
  /** The generation of the views viewDigests() described, and what changed since one (src/content/store.ts). */
  viewGeneration(): number
  viewChangesSince(since: number): { generation: number; changed: Map<string, string | null> } | undefined
  /** When the next upcoming event starts (pages showing upcoming events change then), if any. */
  nextClockChange(): number | undefined
  render(url: string): Promise<Rendered>
  /** The site's search index (src/search/sink.ts), written by code inside the bundle. */
  search: {
    rebuild(content: RawContent, swapWhen?: Promise<boolean>): void | Promise<void>
    update(content: RawContent, changed: { collection: string; id: string; published: boolean }[]): void
    /** Loads the search segmenter's dictionary ahead of the first update. */
    warm(): void
  }
  close(): Promise<void>
}

const NODE_HASHES: Record<string, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }

/**
 * Astro hashes every inline style and script of every page for its CSP with Web Crypto's async
 * digest: a thread-pool job and its promises per call, most of a millisecond per page, for the same
 * few inputs on every page. In the render process those digests are answered synchronously by
 * node:crypto (the same bytes; any other algorithm or input goes to Web Crypto as before).
 */
function syncDigests() {
  const subtle = globalThis.crypto.subtle as SubtleCrypto & { liushanSync?: true }
  if (subtle.liushanSync) return
  const webDigest = subtle.digest.bind(subtle)
  subtle.digest = async (algorithm: AlgorithmIdentifier, data: BufferSource) => {
    const name = NODE_HASHES[(typeof algorithm === 'string' ? algorithm : algorithm.name).toUpperCase()]
    if (!name || !(ArrayBuffer.isView(data) || data instanceof ArrayBuffer)) return webDigest(algorithm, data)
    const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data)
    const digest = crypto.createHash(name).update(bytes).digest()
    return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) as ArrayBuffer
  }
  subtle.liushanSync = true
}

/** The origin of the requests the App is handed (pages read only the path; links use the configured site). */
const ORIGIN = 'http://127.0.0.1'

/**
 * Sends one request through the adapter's Node handler on a private loopback port: the first
 * route that imports the store module loads it (and with it the App entry) into the bundle.
 */
async function requestOverHttp(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void, url: string) {
  const server = http.createServer((req, res) => handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${url}`, { redirect: 'manual' })
    await response.arrayBuffer()
  } finally {
    server.closeAllConnections()
    server.close()
  }
}

/** A lazy import that is asked once and then answered from memory (a failed one is asked again). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () => (loading ??= load().catch((error) => {
    loading = undefined
    throw error
  }))
}

/**
 * Astro imports the route's page module (and, for some pages, the server-island map) with import()
 * on every request: cached by Node, yet each call still goes through the module loader, and under
 * a loader with hooks (tsx, in the benchmarks) a round trip to the hooks thread. A render process
 * renders thousands of pages from one bundle, so each module is imported once.
 */
function importOnce(manifest: { pageMap?: Map<string, () => Promise<unknown>>; serverIslandMappings?: () => unknown }) {
  for (const [component, load] of manifest.pageMap ?? []) manifest.pageMap!.set(component, once(load))
  const islands = manifest.serverIslandMappings
  if (islands) manifest.serverIslandMappings = once(async () => islands())
}

export async function openBundle(buildDir: string): Promise<Bundle> {
  const shared: Shared = ((globalThis as any)[SHARED_KEY] ??= { als: new AsyncLocalStorage<Set<string>>() })
  process.env.ASTRO_NODE_AUTOSTART = 'disabled'
  syncDigests()
  const { handler } = await import(pathToFileURL(path.join(buildDir, 'server/entry.mjs')).href)
  if (!shared.api) await shared.als.run(new Set(), () => requestOverHttp(handler, '/sitemap-0.xml'))
  if (!shared.api) throw new Error('站点程序包中没有内容存储模块（src/content/store.ts）')
  const api = shared.api
  if (typeof api.appEntry !== 'function') throw new Error('站点程序包与生成器版本不符（缺少 appEntry），请先重新运行 astro build')

  // Astro's App, called as the adapter's handler calls it, without the loopback HTTP request and
  // the Node request/response conversions on both sides. Not streamed: each page is wanted whole.
  const app = (await api.appEntry()).createApp({ streaming: false })
  importOnce(app.manifest)
  const noErrorPage = async () => new Response(null, { status: 404 })
  const render = async (url: string): Promise<Rendered> => {
    const request = new Request(ORIGIN + url)
    const routeData = app.match(request, true)
    const tags = new Set<string>()
    const response = await shared.als.run(tags, () => app.render(request, { addCookieHeader: true, prerenderedErrorPageFetch: noErrorPage, ...(routeData ? { routeData } : {}) }))
    let body: Buffer = Buffer.from(await response.arrayBuffer())
    let type = response.headers.get('content-type') ?? 'application/octet-stream'
    if (type === 'text/html') type = 'text/html; charset=utf-8'
    const policy = response.headers.get('content-security-policy')
    if (policy && type.startsWith('text/html')) body = withPolicyMeta(body, policy)
    return { url, status: response.status, type, body, tags: [...tags].sort() }
  }

  return {
    setContent: (content) => void (shared.raw = content),
    routes: () => api.routes(),
    viewDigests: () => api.viewDigests(),
    viewGeneration: () => api.viewGeneration(),
    viewChangesSince: (since) => api.viewChangesSince(since),
    nextClockChange: () => api.nextClockChange(),
    render,
    search: {
      rebuild: (content, swapWhen) => api.rebuildSearch(content, swapWhen),
      update: (content, changed) => api.updateSearch(content, changed),
      warm: () => api.warmSearch(),
    },
    close: async () => {},
  }
}
