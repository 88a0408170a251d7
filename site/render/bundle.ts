// Renders URLs through the site's built server bundle (astro build, @astrojs/node), exactly as
// the bundle would answer a reader, and records each page's dependency tags.
//
// The adapter's entry exports a Node request handler only, so the renderer serves it on a private
// loopback port and requests each URL; every request runs inside its own AsyncLocalStorage set,
// which the store (src/content/store.ts) fills with what the page read.
import { AsyncLocalStorage } from 'node:async_hooks'
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
    rebuild(content: RawContent): void
    update(content: RawContent, changed: { collection: string; id: string; published: boolean }[]): void
    /** Loads the search segmenter's dictionary ahead of the first update. */
    warm(): void
  }
  close(): Promise<void>
}

export async function openBundle(buildDir: string): Promise<Bundle> {
  const shared: Shared = ((globalThis as any)[SHARED_KEY] ??= { als: new AsyncLocalStorage<Set<string>>() })
  process.env.ASTRO_NODE_AUTOSTART = 'disabled'
  const { handler } = await import(pathToFileURL(path.join(buildDir, 'server/entry.mjs')).href)

  const pending = new Map<string, Set<string>>()
  const server = http.createServer((req, res) => {
    const tags = new Set<string>()
    pending.set(String(req.headers['x-render-id']), tags)
    shared.als.run(tags, () => handler(req, res))
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  let next = 0
  // A kept-alive connection the server closed while this thread was busy (a long search rebuild
  // blocks it for seconds) fails the next request with ECONNRESET; a GET is safe to send again.
  const requestOnce = async (url: string, id: string) => {
    try {
      return await fetch(url, { headers: { 'x-render-id': id }, redirect: 'manual' })
    } catch {
      return fetch(url, { headers: { 'x-render-id': id }, redirect: 'manual' })
    }
  }

  const render = async (url: string): Promise<Rendered> => {
    const id = String(next++)
    const response = await requestOnce(origin + url, id)
    let body: Buffer = Buffer.from(await response.arrayBuffer())
    let type = response.headers.get('content-type') ?? 'application/octet-stream'
    if (type === 'text/html') type = 'text/html; charset=utf-8'
    const policy = response.headers.get('content-security-policy')
    if (policy && type.startsWith('text/html')) body = withPolicyMeta(body, policy)
    const tags = pending.get(id) ?? new Set()
    pending.delete(id)
    return { url, status: response.status, type, body, tags: [...tags].sort() }
  }

  const api = async () => {
    if (!shared.api) await render('/sitemap-0.xml') // a route that imports the store, which loads it into the bundle
    if (!shared.api) throw new Error('站点程序包中没有内容存储模块（src/content/store.ts）')
    return shared.api
  }
  await api()

  return {
    setContent: (content) => void (shared.raw = content),
    routes: () => shared.api!.routes(),
    viewDigests: () => shared.api!.viewDigests(),
    viewGeneration: () => shared.api!.viewGeneration(),
    viewChangesSince: (since) => shared.api!.viewChangesSince(since),
    nextClockChange: () => shared.api!.nextClockChange(),
    render,
    search: {
      rebuild: (content) => shared.api!.rebuildSearch(content),
      update: (content, changed) => shared.api!.updateSearch(content, changed),
      warm: () => shared.api!.warmSearch(),
    },
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  }
}
