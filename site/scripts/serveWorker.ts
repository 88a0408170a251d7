// One build's Astro server, as a worker of serve.ts (which holds the shared port). Started with
// SITE_BUILD_ENTRY=<build>/server/entry.mjs; told "retire" once a newer build is listening.
//
// The build's files are served by sirv: the brotli or gzip copy written at build time when the
// client accepts it (integrations/precompress.ts, with Vary: Accept-Encoding), ETag and
// Last-Modified so a reader's browser revalidates pages with a 304, and hashed /_astro/ assets
// cached for a year. What is not a file (draft preview, 404) goes to Astro's handler.
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import sirv from 'sirv'

import { setSecurityHeaders, setStaticFileHeaders } from './responseHeaders.ts'

/** Keep-alive connections end by themselves within the server's keepAliveTimeout (5 s); this is the backstop. */
const RETIRE_WITHIN_MS = 15_000

let retiring = false
let server: http.Server | undefined

process.on('message', (message) => {
  if (message !== 'retire' || retiring) return
  retiring = true
  // Retired before it even started (an even newer build came along): nothing to finish.
  if (!server) process.exit(0)
  // Stop taking connections. Not server.close(): that also drops idle keep-alive connections at
  // once, and a client reusing one at that moment gets its request reset instead of answered.
  net.Server.prototype.close.call(server, () => process.exit(0))
  setTimeout(() => process.exit(0), RETIRE_WITHIN_MS).unref()
})

// The entry would start Astro's own server; we want its request handler on a server we can retire gently.
process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const entry = process.env.SITE_BUILD_ENTRY!
const { handler, options } = await import(pathToFileURL(entry).href)
// A build is never changed once written, so sirv may list its files once, at start.
const files = sirv(path.join(path.dirname(entry), '../client'), {
  etag: true,
  brotli: true,
  gzip: true,
  extensions: ['html'],
  setHeaders: setStaticFileHeaders,
})

server = http.createServer((req, res) => {
  // A retiring server answers what is already on its connections, and asks clients to reconnect.
  if (retiring) res.setHeader('Connection', 'close')
  setSecurityHeaders(res)
  if (req.method === 'GET' || req.method === 'HEAD') files(req, res, () => handler(req, res))
  else handler(req, res)
})
const host = process.env.HOST ?? (options.host === true ? '0.0.0.0' : options.host === false ? 'localhost' : options.host)
if (!retiring) server.listen(Number(process.env.PORT), host)
