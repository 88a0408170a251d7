// The portal as citizens get it: built from a seeded CMS, served by its own server, driven in Chromium.
import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { type BuiltSite, buildSite, cmsSession, publishThroughReview, type RunningSite, serveSite, startSeededCms } from '../helpers/portal'
import { type RunningCms, testPreviewSecret } from '../helpers/server'
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
/** A published article with an unpublished revision of its summary. */
let revised: { id: number; slug: string; createdAt: string }

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
  revised = { id: published.id, slug: published.slug, createdAt: published.createdAt }
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

  // Built told only the port it will be served on (as `npm start` does with SITE_PORT): every absolute URL must follow.
  site = await buildSite(cms)
  port = site.port!
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

/** Every text file the portal publishes, and the search index (SQLite keeps its text as UTF-8). */
function publishedText(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    if (/\.(html|xml|txt|json|js|css|ics|sqlite)$/.test(file)) out.push({ file, text: fs.readFileSync(file).toString('utf8') })
  }
  return out
}

/** The results the served search page lists for a query, read from its HTML (no JavaScript). */
async function searchResults(query: string, page = 1): Promise<{ status: number; html: string; results: { url: string; title: string; meta: string; excerpt: string }[] }> {
  const response = await fetch(`${server.url}/search/?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`)
  const html = await response.text()
  const list = /<ol[^>]*data-search-results[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? ''
  const results = [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map(([, item]) => ({
    url: /<a href="([^"]+)"/.exec(item)?.[1] ?? '',
    title: /<a [^>]*>([\s\S]*?)<\/a>/.exec(item)?.[1] ?? '',
    meta: /<p class="meta[^"]*"[^>]*>([\s\S]*?)<\/p>/.exec(item)?.[1].replace(/<[^>]+>/g, '') ?? '',
    excerpt: [...item.matchAll(/<p(?: [^>]*)?>([\s\S]*?)<\/p>/g)].at(-1)?.[1] ?? '',
  }))
  return { status: response.status, html, results }
}

describe('publishing', () => {
  it('builds every kind of page from the CMS', () => {
    const client = path.join(site.outDir, 'client')
    for (const page of ['index.html', '404.html', 'sitemap-index.xml', 'robots.txt', 'rss.xml', `news/${evilSlug}/index.html`, `columns/${columnSlug}/index.html`, 'workstations/index.html', 'events/index.html', 'families/index.html', 'media-coverage/index.html', 'about/index.html', 'litigation/index.html', 'culture/index.html', 'sitemap/index.html', 'accessibility/index.html', 'apple-touch-icon.png', 'favicon-32.png']) {
      expect(fs.existsSync(path.join(client, page)), page).toBe(true)
    }
  })

  it('publishes no draft text anywhere: pages, sitemap, RSS, calendar files or search index', () => {
    const index = path.join(site.renderedDir!, 'search.sqlite')
    const files = [...publishedText(path.join(site.outDir, 'client')), { file: index, text: fs.readFileSync(index).toString('utf8') }]
    expect(files.some((f) => f.file.endsWith('search.sqlite') && f.text.includes('廉洁家风'))).toBe(true)
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

  it('answers an unknown article, and the retired /page/<K>/ list pages, with the real 404 page', async () => {
    for (const url of ['/news/no-such-article/', '/news/page/1/', `/columns/${columnSlug}/page/1/`, '/news/1999/01/', '/news/archive/2/']) {
      const response = await fetch(`${server.url}${url}`)
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).toContain('lang="zh-CN"')
    }
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

  it('renders the draft through the published page’s own component: the same article markup', async () => {
    // A draft revision of a published article that changed only its summary (not shown in the article).
    const token = signPreviewToken({ collection: 'news', id: String(revised.id), exp: Date.now() / 1000 + 600, uid: draftViewer.uid, v: revised.createdAt }, testPreviewSecret)
    const preview = await (await fetch(`${server.url}/preview/news/${revised.id}?token=${token}`)).text()
    const published = await (await fetch(`${server.url}/news/${revised.slug}/`)).text()
    const articleOf = (html: string) => /<article[\s\S]*?<\/article>/.exec(html)?.[0]
    expect(articleOf(published)).toBeTruthy()
    expect(articleOf(preview)).toBe(articleOf(published))
    // In the portal's layout, marked as a draft.
    expect(preview).toContain('草稿预览')
    expect(preview).toContain('class="site-header')
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

  it('browses the news by month: 按月份浏览 → a month → its articles, with its pages linked', async () => {
    const page = await newPage()
    await page.goto(`${server.url}/news/`)
    await page.getByRole('navigation', { name: '月份导航' }).getByRole('link', { name: '按月份浏览' }).click()
    await page.waitForURL('**/news/archive/')
    const month = page.locator('main .month-list a').first()
    const label = (await month.innerText()).trim()
    expect(label).toMatch(/^\d{4}年\d{1,2}月$/)
    await month.click()
    await page.waitForURL(/\/news\/\d{4}\/\d{2}\/$/)
    expect(await page.locator('h1').innerText()).toContain(label)
    expect(await page.locator('main .news-list a.title-link').count()).toBeGreaterThan(0)
    // The breadcrumbs lead back to the month index and to all news.
    expect(await page.getByRole('navigation', { name: '面包屑' }).getByRole('link', { name: '按月份浏览' }).getAttribute('href')).toBe('/news/archive/')
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

  it('answers a search with results in the page itself, for readers without JavaScript', async () => {
    const expected: Record<string, string> = { 法官工作站: '/workstations/', 诉源治理: '/news/', 民法典: '/events/', 调解: '/stories/', 普法: '/events/', 家训: '/families/' }
    for (const [term, section] of Object.entries(expected)) {
      const { status, results } = await searchResults(term)
      expect(status, term).toBe(200)
      expect(results.some((r) => r.url.startsWith(section)), `${term}: ${results.map((r) => r.url).join(' ')}`).toBe(true)
      expect(results.some((r) => r.excerpt.includes(`<mark>${term}</mark>`) || r.title.includes(term)), term).toBe(true)
    }
    // The theme of a section finds every item in it: all the published families.
    const families = (await cmsSession(cms).then((admin) => admin.get('/families?limit=100&where[_status][equals]=published'))).docs
    const found = [...(await searchResults('廉洁家风')).results, ...(await searchResults('廉洁家风', 2)).results].map((r) => r.url)
    expect(families.map((f: any) => `/families/${f.slug}/`).filter((url: string) => !found.includes(url))).toEqual([])
    // An article's result: its section and date, and body text, not the byline.
    const article = (await searchResults('诉源治理')).results.find((r) => r.url.startsWith('/news/'))!
    expect(article.meta).toMatch(/·\s*\d{4}年\d{1,2}月\d{1,2}日/)
    expect(article.excerpt).not.toMatch(/发布时间|撰稿/)
    // No result, and no query: said plainly; drafts are not found.
    expect((await searchResults('没有这个词的搜索')).html).toMatch(/没有找到与“没有这个词的搜索”相关的内容/)
    expect((await searchResults(DRAFT_MARK)).results).toEqual([])
    expect(await (await fetch(`${server.url}/search/`)).text()).toContain('请输入要搜索的关键词')
  })

  it('searches from the header form with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.url}/`)
    await page.locator('#header-search-q').fill('调解')
    await page.locator('#header-search-q').press('Enter')
    await page.waitForURL('**/search/?q=*')
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/找到 \d+ 条与“调解”相关的结果/)
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0)
    await context.close()
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
