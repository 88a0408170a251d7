// The portal as citizens get it: built from a seeded CMS, served by its own server, driven in Chromium.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { type BuiltSite, buildSite, cmsSession, publishThroughReview, type RunningSite, serveSite, startSeededCms } from '../helpers/portal'
import { freePort, type RunningCms, testPreviewSecret } from '../helpers/server'
import { signPreviewToken } from '../../cms/src/preview/previewToken'
import { describeBrowserCsp } from './outputs/browserCsp'
import type { PortalUnderTest } from './outputs/context'
import { describeBodyLinks } from './outputs/links'
import { describeServing } from './outputs/serving'
import { describeValidators } from './outputs/validators'

const DRAFT_MARK = '草稿机密内容QZX'
const EVIL_TITLE = '含有恶意代码的测试稿件'

// The seed records this article as carried by 新华网.
const COVERED_SLUG = '2025-liushan-wenhua-tixi'
let withdrawnTitle: string
let cms: RunningCms
let site: BuiltSite
let server: RunningSite
let browser: Browser
let evilSlug: string
let columnSlug: string
let draftId: number
let port: number
let linking: PortalUnderTest['linking']
let markupSummary: PortalUnderTest['markupSummary']
/** Who opened the preview and the draft's createdAt: both are in a preview token. */
let draftViewer: { uid: number; v: string }

const lexical = (...children: unknown[]) => ({ root: { type: 'root', children, format: '', indent: 0, version: 1, direction: 'ltr' } })
const text = (value: string) => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0 })
const link = (url: string, label: string) => ({ type: 'link', fields: { linkType: 'custom', url, newTab: false }, children: [text(label)], format: '', indent: 0, version: 3, direction: 'ltr' })
const internalLink = (relationTo: string, id: number, label: string) => ({ type: 'link', fields: { linkType: 'internal', doc: { relationTo, value: id }, newTab: false }, children: [text(label)], format: '', indent: 0, version: 3, direction: 'ltr' })
const relationship = (relationTo: string, id: number) => ({ type: 'relationship', relationTo, value: id, format: '', version: 2 })

beforeAll(async () => {
  cms = await startSeededCms()
  const admin = await cmsSession(cms)
  const column = (await admin.get('/columns?limit=1&sort=order')).docs[0]
  columnSlug = column.slug

  // Work in progress that must never be published: a draft, and an unapproved revision of a published item.
  const draft = await admin.post('/news?draft=true', { title: `${DRAFT_MARK} 标题`, column: column.id, _status: 'draft', body: lexical(paragraph(text(DRAFT_MARK))) })
  draftId = draft.doc.id
  draftViewer = { uid: draft.doc.createdBy?.id ?? draft.doc.createdBy, v: draft.doc.createdAt }
  const published = (await admin.get('/news?limit=1&where[_status][equals]=published')).docs[0]
  await admin.patch(`/news/${published.id}?draft=true`, { summary: `${DRAFT_MARK} 摘要`, _status: 'draft' })
  for (const collection of ['stories', 'events', 'families']) {
    const doc = (await admin.get(`/${collection}?limit=1&where[_status][equals]=published`)).docs[0]
    await admin.patch(`/${collection}/${doc.id}?draft=true`, { [collection === 'families' ? 'motto' : 'title']: `${DRAFT_MARK} ${collection}`, _status: 'draft' })
  }

  // An editor pasted hostile markup; it must arrive inert.
  const evil = await publishThroughReview(cms, 'news', {
    title: EVIL_TITLE,
    column: column.id,
    publishedAt: '2025-07-01T09:00:00+08:00',
    body: lexical(
      paragraph(text('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">')),
      // A javascript: link never gets this far: the CMS refuses it (cms/src/security/urls.test.ts).
      paragraph(link('https://www.court.gov.cn/', '中国法院网')),
    ),
  })
  evilSlug = evil.slug

  // Coverage of an item later withdrawn (撤稿) must leave the portal with it.
  const coverage = await admin.get('/submissions?depth=1&limit=100&where[status][in]=adopted,published')
  const other = coverage.docs.find((c: any) => c.item.relationTo === 'news' && c.item.value.slug !== COVERED_SLUG)
  withdrawnTitle = other.item.value.title
  // Links to other items in an article body (one of them withdrawn below: the CMS refuses links to
  // unpublished items at publishing, but a target can leave later), and a summary that reads like markup (for the feeds).
  const linked = (await admin.get(`/news?depth=0&where[slug][equals]=${COVERED_SLUG}`)).docs[0]
  const story = (await admin.get('/stories?depth=0&limit=1&sort=id&where[_status][equals]=published')).docs[0]
  const unpublishedLabel = '一篇后来撤下的稿件'
  markupSummary = { slug: '', summary: '摘要里写着<img src=x onerror=alert(1)>和&amp;字样' }
  const linkingDoc = await publishThroughReview(cms, 'news', {
    title: '含有站内链接的测试稿件',
    column: column.id,
    publishedAt: '2025-07-02T09:00:00+08:00',
    summary: markupSummary.summary,
    body: lexical(paragraph(text('参见'), internalLink('news', linked.id, '相关报道'), text('和'), internalLink(other.item.relationTo, other.item.value.id, unpublishedLabel), text('。')), relationship('stories', story.id)),
  })
  markupSummary.slug = linkingDoc.slug
  linking = { slug: linkingDoc.slug, linkedSlug: COVERED_SLUG, unpublishedLabel, storySlug: story.slug, storyTitle: story.title }
  const approver = await cmsSession(cms, 'approver@example.com')
  await approver.patch(`/news/${other.item.value.id}`, { workflowAction: 'withdraw', workflowComment: '测试撤稿' })

  // Told only the port it will be served on (as `npm start` does with SITE_PORT): every absolute URL must follow.
  port = await freePort()
  site = await buildSite(cms, undefined, { SITE_PORT: String(port) })
  server = await serveSite(site, { CMS_URL: cms.url }, port)
  browser = await launchChromium()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await cms?.stop()
  if (site) fs.rmSync(site.outDir, { recursive: true, force: true })
})

const newPage = async (): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  page.on('dialog', (dialog) => dialog.dismiss())
  return page
}

/** Every text file the portal publishes, with Pagefind's gzip'd index files unpacked. */
function publishedText(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const bytes = fs.readFileSync(file)
    if (/\.(html|xml|txt|json|js|css|ics)$/.test(file)) out.push({ file, text: bytes.toString('utf8') })
    else if (/\.pf_(fragment|index|meta|filter)$/.test(file)) out.push({ file, text: zlib.gunzipSync(bytes).toString('utf8') })
  }
  return out
}

describe('publishing', () => {
  it('builds every kind of page from the CMS', () => {
    const client = path.join(site.outDir, 'client')
    for (const page of ['index.html', '404.html', 'sitemap-index.xml', 'robots.txt', 'rss.xml', `news/${evilSlug}/index.html`, `columns/${columnSlug}/index.html`, 'workstations/index.html', 'events/index.html', 'families/index.html', 'media-coverage/index.html', 'about/index.html', 'litigation/index.html', 'culture/index.html', 'sitemap/index.html', 'accessibility/index.html', 'apple-touch-icon.png', 'favicon-32.png']) {
      expect(fs.existsSync(path.join(client, page)), page).toBe(true)
    }
  })

  it('publishes no draft text anywhere: pages, sitemap, RSS, calendar files or search index', () => {
    const files = publishedText(path.join(site.outDir, 'client'))
    expect(files.some((f) => f.file.includes('pagefind'))).toBe(true)
    expect(files.filter((f) => f.text.includes(DRAFT_MARK)).map((f) => f.file)).toEqual([])
  })

  it('lists outside-media coverage and notes it on the article, but not for withdrawn items', async () => {
    const page = await (await fetch(`${server.url}/media-coverage/`)).text()
    expect(page).toContain('新华网')
    expect(page).toContain(`href="/news/${COVERED_SLUG}/"`)
    expect(page).not.toContain(withdrawnTitle)
    const article = await (await fetch(`${server.url}/news/${COVERED_SLUG}/`)).text()
    expect(article).toMatch(/本文被.*新华网.*刊发/s)
  })

  it('answers an unknown article with a real 404 page', async () => {
    const response = await fetch(`${server.url}/news/no-such-article/`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('lang="zh-CN"')
  })

  it('refuses the draft preview without a valid token and reveals nothing', async () => {
    for (const url of ['/preview/news/1', '/preview/news/1?token=forged.token']) {
      const response = await fetch(`${server.url}${url}`)
      expect([401, 404]).toContain(response.status)
      expect(await response.text()).not.toContain(DRAFT_MARK)
    }
  })
})

describe('draft preview with a signed link', () => {
  const link = (secret = testPreviewSecret, exp = Date.now() / 1000 + 600) =>
    `${server.url}/preview/news/${draftId}?token=${signPreviewToken({ collection: 'news', id: draftId, exp, ...draftViewer }, secret)}`

  it('shows the draft, uncached and unindexed', async () => {
    const response = await fetch(link())
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toContain('no-store')
    const html = await response.text()
    expect(html).toContain(DRAFT_MARK)
    expect(html).toMatch(/<meta name="robots" content="noindex/)
  })

  it('refuses expired, forged and re-targeted links', async () => {
    const expired = await fetch(link(testPreviewSecret, Date.now() / 1000 - 1))
    const forged = await fetch(link('another-secret'))
    const otherItem = await fetch(link().replace(`/news/${draftId}?`, `/news/${draftId + 1}?`))
    for (const response of [expired, forged, otherItem]) {
      expect(response.status).toBe(401)
      expect(await response.text()).not.toContain(DRAFT_MARK)
    }
  })
})

describe('reading', () => {
  it('goes home → column → article', async () => {
    const page = await newPage()
    await page.goto(`${server.url}/`)
    await page.locator(`main a[href="/columns/${columnSlug}/"]`).first().click()
    await page.waitForURL(`**/columns/${columnSlug}/`)
    const firstArticle = page.locator('main a[href^="/news/"]').first()
    const title = (await firstArticle.innerText()).trim()
    await firstArticle.click()
    await page.waitForURL('**/news/**')
    expect((await page.locator('h1').innerText()).trim()).toBe(title)
    await page.close()
  })

  it('renders hostile markup in an article inert', async () => {
    const page = await newPage()
    const html = await (await fetch(`${server.url}/news/${evilSlug}/`)).text()
    // Only as escaped, visible text: no element, attribute or link made from it.
    expect(html).not.toMatch(/<script>window\.__pwned|<img[^>]*\sonerror=|href="javascript:/i)
    await page.goto(`${server.url}/news/${evilSlug}/`)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('main').innerText()).toContain('<script>window.__pwned = 1</script>')
    await page.close()
  })

  it('finds seeded Chinese terms with the static search index', async () => {
    const page = await newPage()
    await page.goto(`${server.url}/search/`)
    const expected: Record<string, string> = { 法官工作站: '/workstations/', 诉源治理: '/news/', 民法典: '/events/', 廉洁家风: '/families/' }
    for (const [term, section] of Object.entries(expected)) {
      // A string, not a function: vitest would rewrite import() inside a function it transforms.
      const urls: string[] = await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js')
        const search = await pagefind.search(${JSON.stringify(term)})
        const results = await Promise.all(search.results.slice(0, 5).map((r) => r.data()))
        return results.map((r) => r.url)
      })()`)
      expect(urls.some((url) => url.startsWith(section)), `${term}: ${urls.join(' ')}`).toBe(true)
    }
    await page.close()
  })

  it('text size and high contrast switch and persist across pages', async () => {
    const page = await newPage()
    await page.goto(`${server.url}/news/${evilSlug}/`)
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    const before = await fontSize()
    await page.getByText('无障碍', { exact: true }).click()
    await page.getByRole('button', { name: /A\+|放大/ }).click()
    expect(await fontSize()).toBeGreaterThan(before)
    await page.getByRole('button', { name: /高对比/ }).click()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast')
    await page.goto(`${server.url}/`)
    expect(await fontSize()).toBeGreaterThan(before)
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast')
    await page.close()
  })
})

// axe (WCAG 2.1 AA) on every page template, in every reading mode: tests/site/looks.test.ts.

const portal = (): PortalUnderTest => ({
  url: server.url,
  publicUrl: `http://localhost:${port}`,
  client: path.join(site.outDir, 'client'),
  browser,
  previewUrl: () => `${server.url}/preview/news/${draftId}?token=${signPreviewToken({ collection: 'news', id: draftId, exp: Date.now() / 1000 + 600, ...draftViewer }, testPreviewSecret)}`,
  linking,
  markupSummary,
})
describeBodyLinks(portal)
describeServing(portal)
describeValidators(portal)
describeBrowserCsp(portal)
