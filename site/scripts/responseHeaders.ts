// Headers the portal server (serveWorker.ts) adds to its responses: security headers on every
// response, and caching and content types for the static files of a build.
import type { ServerResponse } from 'node:http'

/**
 * Pages carry their own strict policy (script and style hashes) in a <meta> that Astro writes
 * (security.csp in astro.config.mjs); a <meta> cannot forbid framing, so this header adds that.
 * Both policies apply together.
 */
const PAGE_POLICY = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'"
/** Files opened on their own (a photo, an SVG, the RSS) run nothing and load nothing. */
const FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; sandbox"

export function setSecurityHeaders(res: ServerResponse) {
  res.setHeader('Content-Security-Policy', PAGE_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
}

/** For a static file found at `pathname` (a page's is its folder, /news/x/). */
export function setStaticFileHeaders(res: ServerResponse, pathname: string) {
  const extension = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase() ?? 'html'
  // Files under /_astro/ are named by their content hash: a new version is a new name.
  res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, no-cache')
  const type = pathname.endsWith('rss.xml') ? 'application/rss+xml; charset=utf-8' : TYPES[extension]
  if (type) res.setHeader('Content-Type', type)
  if (extension !== 'html' && extension !== 'js') res.setHeader('Content-Security-Policy', FILE_POLICY)
}
