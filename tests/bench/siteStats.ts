// Pure helpers of the portal benchmark (site.ts): what an `astro build` log says, and what a built
// page weighs over the wire (gzip of its HTML and of each stylesheet and script it loads).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { median, round } from './stats'

// ---------------------------------------------------------------------------------------------
// Build log

/** Progress lines that split a build into stages, in the order Astro prints them. */
export const BUILD_MARKERS = [
  ['contentStart', /\[content\] Syncing content/],
  ['contentDone', /\[content\] Synced content/],
  ['prerenderStart', /prerendering static routes/],
  ['prerenderDone', /✓ Completed in/],
] as const

export type MarkerTimes = Partial<Record<(typeof BUILD_MARKERS)[number][0], number>>

/** Records, line by line, when each marker first appears (each only after the one before it). */
export function markerClock(startedAt: number) {
  const times: MarkerTimes = {}
  let next = 0
  return {
    times,
    line(text: string) {
      if (next < BUILD_MARKERS.length && BUILD_MARKERS[next][1].test(text)) times[BUILD_MARKERS[next++][0]] = performance.now() - startedAt
    },
  }
}

export type BuildStages = {
  /** Config, integrations and Vite start-up, until the content layer starts. */
  startupSeconds: number
  /** Content layer: every collection fetched from the CMS REST API and digested (changed entries parsed). */
  contentSeconds: number
  /** Type generation and the Vite server/client bundles. */
  bundleSeconds: number
  /** getStaticPaths and rendering of every static route to a file. */
  prerenderSeconds: number
  /** Sitemap, media copy and the Pagefind index, to process exit. */
  afterSeconds: number
  /** Of afterSeconds: the Pagefind index, as the integration reports it. */
  pagefindSeconds?: number
}

export function buildStages(times: MarkerTimes, totalMs: number, log: string): BuildStages | undefined {
  const { contentStart, contentDone, prerenderStart, prerenderDone } = times
  if (contentStart === undefined || contentDone === undefined || prerenderStart === undefined || prerenderDone === undefined) return undefined
  const pagefindMs = /indexed \d+ pages for search in (\d+) ms/.exec(log)?.[1]
  const s = (ms: number) => round(ms / 1000)
  return {
    startupSeconds: s(contentStart),
    contentSeconds: s(contentDone - contentStart),
    bundleSeconds: s(prerenderStart - contentDone),
    prerenderSeconds: s(prerenderDone - prerenderStart),
    afterSeconds: s(totalMs - prerenderDone),
    pagefindSeconds: pagefindMs === undefined ? undefined : s(Number(pagefindMs)),
  }
}

/** The CMS loader's summary lines: `[cms:news] news: 1000 published, 0 changed`. */
export function loaderCounts(log: string): Record<string, { published: number; changed: number }> {
  const counts: Record<string, { published: number; changed: number }> = {}
  for (const [, collection, published, changed] of log.matchAll(/\[cms:[\w-]+\] ([\w-]+): (\d+) published, (\d+) changed/g)) {
    counts[collection] = { published: Number(published), changed: Number(changed) }
  }
  return counts
}

/** Routes Astro prerendered (HTML pages, feeds, .ics files): one `├─ /path` line each. */
export const prerenderedRoutes = (log: string): number => log.match(/^\S*\s+[├└]─ \//gm)?.length ?? 0

/** Every .html file under `dir` (paths relative to it, with /), leaving out the Pagefind bundle. */
export function htmlFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
}

// ---------------------------------------------------------------------------------------------
// Page weight

export const TEMPLATES = [
  ['home', /^index\.html$/],
  ['column list', /^columns\/[^/]+\/index\.html$/],
  ['news article', /^news\/(?!\d+\/)[^/]+\/index\.html$/],
  ['story', /^stories\/[^/]+\/index\.html$/],
  ['workstation', /^workstations\/[^/]+\/index\.html$/],
  ['event', /^events\/[^/]+\/index\.html$/],
  ['family', /^families\/[^/]+\/index\.html$/],
  ['events list', /^events\/index\.html$/],
  ['families gallery', /^families\/index\.html$/],
  ['search', /^search\/index\.html$/],
] as const

export type Script = { file: string; gzipBytes: number; role: string }

export type PageWeight = {
  template: string
  /** The heaviest page of the template (by total), e.g. /news/x/. */
  path: string
  pages: number
  htmlGzip: number
  cssGzip: number
  /** Script files the page loads. */
  jsGzip: number
  /** Inline scripts, gzipped on their own (already inside htmlGzip). */
  inlineJsGzip: number
  totalGzip: number
  medianTotalGzip: number
  scripts: Script[]
}

export const gzipSize = (data: string | Buffer): number => zlib.gzipSync(data).length

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined)

/** The site's own stylesheets and scripts a page loads, as paths under the client folder. */
export function pageAssets(html: string): { css: string[]; js: string[]; inlineJs: string[] } {
  const css: string[] = []
  const js: string[] = []
  const inlineJs: string[] = []
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? []
    const href = attribute(tag, 'href')
    if (href?.startsWith('/') && rel.includes('stylesheet')) css.push(href)
    if (href?.startsWith('/') && rel.includes('modulepreload')) js.push(href)
  }
  for (const [, open, body] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const src = attribute(open, 'src')
    const type = attribute(open, 'type') ?? ''
    if (src?.startsWith('/')) js.push(src)
    else if (!src && !/json/i.test(type) && body.trim()) inlineJs.push(body)
  }
  return { css: [...new Set(css)], js: [...new Set(js)], inlineJs }
}

/** What a script is for, as far as reading the page goes. */
export function scriptRole(file: string, code: string): string {
  if (/pagefind/.test(code)) return 'search results (needed on /search/ only)'
  if (file === '/reader.js') return 'reader toolbar: text size, contrast, read aloud (optional; bar stays hidden without JS)'
  if (/liushan:reader/.test(code)) return 'applies saved reader settings before first paint (optional)'
  return 'other'
}

/** A JS file plus the files it imports statically (relative imports only). */
function withStaticImports(clientDir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  const code = fs.readFileSync(path.join(clientDir, file), 'utf8')
  const imports = [...code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.m?js)["']/g)].map(([, spec]) => path.posix.join(path.posix.dirname(file), spec))
  return [file, ...imports.flatMap((spec) => withStaticImports(clientDir, spec, seen))]
}

/** Weight of every page template of a build: its heaviest page in full, and the median total. */
export function pageWeights(clientDir: string): PageWeight[] {
  const files = htmlFiles(clientDir)
  const assetCache = new Map<string, { gzip: number; code: string }>()
  const asset = (file: string) => {
    let entry = assetCache.get(file)
    if (!entry) {
      const data = fs.readFileSync(path.join(clientDir, file))
      assetCache.set(file, (entry = { gzip: gzipSize(data), code: data.toString('utf8') }))
    }
    return entry
  }
  const weigh = (file: string) => {
    const html = fs.readFileSync(path.join(clientDir, file), 'utf8')
    const { css, js, inlineJs } = pageAssets(html)
    const scripts: Script[] = [
      ...js.flatMap((src) => withStaticImports(clientDir, src)).map((src) => ({ file: src, gzipBytes: asset(src).gzip, role: scriptRole(src, asset(src).code) })),
      ...inlineJs.map((code, i) => ({ file: `(inline #${i + 1})`, gzipBytes: gzipSize(code), role: scriptRole('', code) })),
    ]
    const htmlGzip = gzipSize(html)
    const cssGzip = css.reduce((sum, href) => sum + asset(href).gzip, 0)
    const jsGzip = scripts.filter((s) => !s.file.startsWith('(inline')).reduce((sum, s) => sum + s.gzipBytes, 0)
    const inlineJsGzip = scripts.filter((s) => s.file.startsWith('(inline')).reduce((sum, s) => sum + s.gzipBytes, 0)
    return { path: `/${file}`.replace(/index\.html$/, ''), htmlGzip, cssGzip, jsGzip, inlineJsGzip, totalGzip: htmlGzip + cssGzip + jsGzip, scripts }
  }
  return TEMPLATES.flatMap(([template, pattern]) => {
    const pages = files.filter((file) => pattern.test(file)).map(weigh)
    if (pages.length === 0) return []
    const heaviest = pages.reduce((a, b) => (b.totalGzip > a.totalGzip ? b : a))
    return [{ template, ...heaviest, pages: pages.length, medianTotalGzip: Math.round(median(pages.map((p) => p.totalGzip))) }]
  })
}

/** The Pagefind runtime /search/ loads on demand (its .pagefind files are already gzip). */
export function pagefindRuntime(clientDir: string): { file: string; gzipBytes: number }[] {
  const dir = path.join(clientDir, 'pagefind')
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((file) => file === 'pagefind.js' || file === 'pagefind-entry.json' || /^wasm\..*\.pagefind$/.test(file) || /\.pf_meta$/.test(file))
    .map((file) => {
      const data = fs.readFileSync(path.join(dir, file))
      return { file: `/pagefind/${file}`, gzipBytes: /\.(pagefind|pf_meta)$/.test(file) ? data.length : gzipSize(data) }
    })
}
