// The portal as site/scripts/serve.ts serves it: precompressed responses, caching that lets
// browsers revalidate pages and keep hashed assets, security headers; and absolute URLs that
// name the address the build was given (SITE_PORT), not Astro's default port.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { builtFile, firstPage, type PortalUnderTest } from './context'

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A GET that leaves the body as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

const decoders: Record<string, (body: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync }

export function describeServing(portal: () => PortalUnderTest) {
  describe('absolute URLs', () => {
    it('robots.txt, sitemaps, canonical, og:url, RSS and .ics name the address given with SITE_PORT', () => {
      const { client, publicUrl } = portal()
      const read = (file: string) => fs.readFileSync(path.join(client, file), 'utf8')
      const event = fs.readdirSync(path.join(client, 'events')).find((name) => name.endsWith('.ics'))!
      const found: Record<string, string[]> = {
        'robots.txt': [...read('robots.txt').matchAll(/^Sitemap: (\S+)/gm)].map((m) => m[1]),
        'sitemap-index.xml': [...read('sitemap-index.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]),
        'sitemap-0.xml': [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]),
        'index.html': [...read('index.html').matchAll(/<(?:link rel="canonical" href|meta property="og:url" content)="([^"]+)"/g)].map((m) => m[1]),
        'rss.xml': [...read('rss.xml').matchAll(/<(?:link|guid[^>]*)>([^<]+)<|<atom:link href="([^"]+)"/g)].map((m) => m[1] ?? m[2]),
        [`events/${event}`]: [...read(`events/${event}`).replace(/\r\n[ \t]/g, '').matchAll(/^URL[^:]*:(\S+)/gm)].map((m) => m[1]),
      }
      for (const [file, urls] of Object.entries(found)) {
        expect(urls.length, file).toBeGreaterThan(0)
        for (const url of urls) expect(url, file).toMatch(new RegExp(`^${publicUrl}/`))
      }
      expect(found['index.html']).toEqual([`${publicUrl}/`, `${publicUrl}/`])
    })
  })

  describe('compression and caching (serve.ts)', () => {
    const samples = (p: PortalUnderTest) => {
      const css = fs.readdirSync(path.join(p.client, '_astro')).find((name) => name.endsWith('.css'))!
      return ['/', `/news/${p.linking.slug}/`, `/_astro/${css}`, '/rss.xml', '/sitemap-0.xml', '/reader.js']
    }

    it('sends the brotli or gzip copy written at build time to clients that accept it, the file itself to others', async () => {
      const p = portal()
      for (const url of samples(p)) {
        const original = fs.readFileSync(builtFile(p.client, url))
        for (const encoding of ['br', 'gzip']) {
          const response = await rawGet(`${p.url}${url}`, { 'Accept-Encoding': encoding === 'br' ? 'br, gzip' : 'gzip, deflate' })
          expect(response.status, url).toBe(200)
          expect(response.headers['content-encoding'], `${url} ${encoding}`).toBe(encoding)
          expect(response.headers.vary, url).toMatch(/accept-encoding/i)
          expect(decoders[encoding](response.body).equals(original), `${url} ${encoding}`).toBe(true)
          expect(response.body.length, url).toBeLessThan(original.length)
        }
        const plain = await rawGet(`${p.url}${url}`)
        expect(plain.headers['content-encoding'], url).toBeUndefined()
        expect(plain.headers.vary, url).toMatch(/accept-encoding/i)
        expect(plain.body.equals(original), url).toBe(true)
      }
      // The home page goes out as a fraction of its size (about 30 %).
      const home = await rawGet(`${p.url}/`, { 'Accept-Encoding': 'br' })
      expect(home.body.length).toBeLessThan(fs.statSync(path.join(p.client, 'index.html')).size / 2.5)
    })

    it('lets browsers keep hashed assets for a year and revalidate pages (ETag, Last-Modified, 304)', async () => {
      const p = portal()
      const asset = await rawGet(`${p.url}${samples(p)[2]}`, { 'Accept-Encoding': 'br' })
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')

      for (const encoding of ['br', 'identity']) {
        const page = await rawGet(`${p.url}/news/${p.linking.slug}/`, { 'Accept-Encoding': encoding })
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
        expect(page.headers['cache-control']).toBe('public, no-cache')
        expect(page.headers.etag).toBeTruthy()
        expect(Date.parse(page.headers['last-modified']!)).toBeGreaterThan(0)
        const again = await rawGet(`${p.url}/news/${p.linking.slug}/`, { 'Accept-Encoding': encoding, 'If-None-Match': page.headers.etag! })
        expect(again.status, encoding).toBe(304)
        expect(again.body.length).toBe(0)
      }
    })
  })

  describe('security headers', () => {
    it('refuse framing and sniffing and limit referrers on pages, files, media and the 404 page', async () => {
      const p = portal()
      const media = fs.readdirSync(path.join(p.client, 'media'))[0]
      for (const url of ['/', `/news/${p.linking.slug}/`, firstPage(p.client, 'events'), `/media/${media}`, '/rss.xml', '/reader.js', '/news/no-such-page/']) {
        const response = await fetch(`${p.url}${url}`)
        expect(response.headers.get('x-content-type-options'), url).toBe('nosniff')
        expect(response.headers.get('x-frame-options'), url).toBe('DENY')
        expect(response.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin')
        expect(response.headers.get('content-security-policy'), url).toContain("frame-ancestors 'none'")
      }
      // A file opened on its own (a photo, an SVG) may run and load nothing.
      const photo = await fetch(`${p.url}/media/${media}`)
      expect(photo.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/)
    })

    it('every page carries a strict policy: scripts and styles only from the site or by hash, never inline at will', async () => {
      const { client, linking } = portal()
      // /search/ is rendered on demand: Astro sends its policy as a response header instead.
      const search = await fetch(`${portal().url}/search/?q=${encodeURIComponent('调解')}`)
      const searchPolicy = search.headers.get('content-security-policy')?.split(',').find((p) => p.includes('script-src'))
      for (const page of ['/', `/news/${linking.slug}/`, '/search/', '/404.html']) {
        const policy =
          page === '/search/'
            ? searchPolicy
            : /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(fs.readFileSync(builtFile(client, page), 'utf8'))?.[1]
        expect(policy, page).toBeTruthy()
        const directives = Object.fromEntries(policy!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]))
        expect(directives['default-src'], page).toEqual(["'self'"])
        expect(directives['object-src'], page).toEqual(["'none'"])
        for (const name of ['script-src', 'style-src']) {
          expect(directives[name], `${page} ${name}`).toBeDefined()
          expect(directives[name].filter((v: string) => !/^'sha(256|384|512)-/.test(v)), `${page} ${name}`).toEqual(
            ["'self'"],
          )
        }
      }
    })
  })
}
