// What the portal publishes, checked by clients nobody here wrote: the W3C Nu HTML validator on
// one page of every kind, xmllint with the sitemaps.org schemas, a feed parser plus the feed
// validator's offline rules, and ical.js for the calendar files.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parseFeed } from '@rowanmanning/feed-parser'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'

import { nuErrors, xsdErrors } from '../../helpers/validators'
import { builtFile, firstMonthPage, firstPage, type PortalUnderTest } from './context'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures')

/** The five entities XML defines, decoded once (what a feed reader gets before it renders HTML). */
const xmlDecode = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!)
const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
/** RFC 822 (with four-digit years, as RSS 2.0 wants). */
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UT|[+-]\d{4})$/
const elements = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1])

export function describeValidators(portal: () => PortalUnderTest) {
  describe('independent validators on the built portal', () => {
    it('every kind of page has 0 errors in the W3C Nu HTML validator', async () => {
      const { client, linking } = portal()
      const pages = [
        '/', firstPage(client, 'columns'), '/news/', '/news/archive/', firstMonthPage(client, '/news/'), `${firstPage(client, 'columns')}archive/`,
        `/news/${linking.slug}/`, '/stories/', firstPage(client, 'stories'),
        '/workstations/', firstPage(client, 'workstations'), '/events/', firstPage(client, 'events'), '/families/',
        firstPage(client, 'families'), '/media-coverage/', '/404.html',
        '/about/', '/litigation/', '/culture/', '/sitemap/', '/accessibility/',
      ]
      const files = pages.map((page) => builtFile(client, page))
      // The draft preview and search are rendered on demand: validate what the server answers
      // (search: no query, results over several pages, no result).
      const onDemand = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-nu-'))
      const answers = {
        'preview.html': portal().previewUrl(),
        'search.html': `${portal().url}/search/`,
        'search-results.html': `${portal().url}/search/?q=${encodeURIComponent('法院')}&page=2`,
        'search-none.html': `${portal().url}/search/?q=${encodeURIComponent('没有这个词的搜索')}`,
      }
      for (const [name, url] of Object.entries(answers)) {
        const response = await fetch(url)
        expect(response.status, name).toBe(200)
        fs.writeFileSync(path.join(onDemand, name), await response.text())
        files.push(path.join(onDemand, name))
      }

      const errors = await nuErrors(files)
      fs.rmSync(onDemand, { recursive: true, force: true })
      expect(errors.map((e) => `${e.url?.replace(/^file:.*?\/client/, '')}:${e.lastLine} ${e.message} [${e.extract ?? ''}]`)).toEqual([])
    })

    it('the sitemap index and every sitemap are valid against the sitemaps.org schemas', async () => {
      const { client } = portal()
      expect(await xsdErrors(path.join(client, 'sitemap-index.xml'), path.join(fixtures, 'siteindex.xsd'))).toBe('')
      const sitemaps = fs.readdirSync(client).filter((name) => /^sitemap-\d+\.xml$/.test(name))
      expect(sitemaps.length).toBeGreaterThan(0)
      for (const name of sitemaps) expect(await xsdErrors(path.join(client, name), path.join(fixtures, 'sitemap.xsd')), name).toBe('')
    })

    it('a schema check that can fail: a sitemap with a relative <loc> is refused', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-xsd-'))
      const bad = path.join(dir, 'bad.xml')
      fs.writeFileSync(bad, '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/x/</loc><when>now</when></url></urlset>')
      expect(await xsdErrors(bad, path.join(fixtures, 'sitemap.xsd'))).toMatch(/fails to validate/)
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('RSS feeds parse and follow the feed validator rules: atom:link self, RFC 822 dates, guid, no markup in descriptions', async () => {
      const { client, publicUrl, markupSummary } = portal()
      const columns = fs.readdirSync(path.join(client, 'columns')).filter((slug) => fs.existsSync(path.join(client, 'columns', slug, 'rss.xml')))
      const feeds = ['/rss.xml', ...columns.map((slug) => `/columns/${slug}/rss.xml`)]
      let items = 0
      for (const feedPath of feeds) {
        const xml = fs.readFileSync(path.join(client, feedPath), 'utf8')
        const feed = parseFeed(xml)
        expect(feed.title, feedPath).toBeTruthy()
        expect(feed.url, feedPath).toMatch(new RegExp(`^${publicUrl}/`))
        expect(xml, feedPath).toMatch(/<rss[^>]*\sxmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom"/)
        const self = /<atom:link\s([^>]*)\/?>/.exec(xml)?.[1] ?? ''
        expect(self, feedPath).toContain(`href="${publicUrl}${feedPath}"`)
        expect(self, feedPath).toContain('rel="self"')
        expect(self, feedPath).toContain('type="application/rss+xml"')
        expect(feed.items.length, feedPath).toBe(elements(xml, 'item').length)
        for (const item of elements(xml, 'item')) {
          items++
          const [pubDate] = elements(item, 'pubDate')
          expect(pubDate, item).toMatch(RFC822)
          expect(Number.isNaN(Date.parse(pubDate))).toBe(false)
          expect(elements(item, 'guid')[0], item).toMatch(new RegExp(`^${publicUrl}/`))
          expect(elements(item, 'link')[0], item).toMatch(new RegExp(`^${publicUrl}/`))
          for (const description of elements(item, 'description')) {
            // Readers render the decoded description as HTML: no element may come out of it.
            expect(xmlDecode(description), item).not.toMatch(/<[a-z!/?]/i)
          }
        }
      }
      expect(items).toBeGreaterThan(0)

      const site = fs.readFileSync(path.join(client, 'rss.xml'), 'utf8')
      const item = elements(site, 'item').find((i) => i.includes(`/news/${markupSummary.slug}/`))!
      expect(xmlDecode(elements(item, 'description')[0])).toBe(escapeHtml(markupSummary.summary))
    })

    it('the feeds are served as application/rss+xml in UTF-8', async () => {
      const { url, client } = portal()
      const column = fs.readdirSync(path.join(client, 'columns'))[0]
      for (const feed of ['/rss.xml', `/columns/${column}/rss.xml`]) {
        const response = await fetch(`${url}${feed}`)
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
      }
    })

    it('every calendar file parses with ical.js into one event with a summary, start, uid and the event page', () => {
      const { client, publicUrl } = portal()
      const files = fs.readdirSync(path.join(client, 'events')).filter((name) => name.endsWith('.ics'))
      expect(files.length).toBeGreaterThan(0)
      for (const name of files) {
        const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(client, 'events', name), 'utf8')))
        const events = calendar.getAllSubcomponents('vevent')
        expect(events, name).toHaveLength(1)
        const event = new ICAL.Event(events[0])
        expect(event.summary, name).toBeTruthy()
        expect(event.uid, name).toBeTruthy()
        expect(event.startDate.toJSDate().getTime(), name).toBeGreaterThan(0)
        expect(event.endDate.compare(event.startDate), name).toBe(1)
        expect(String(events[0].getFirstPropertyValue('url')), name).toBe(`${publicUrl}/events/${name.replace(/\.ics$/, '')}/`)
      }
    })
  })
}
