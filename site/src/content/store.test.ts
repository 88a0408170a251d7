import { describe, expect, it } from 'vitest'

import { type RawContent, SHARED_KEY } from './cmsSources'
import { archiveIndex, archivePage, latestNews, leadNews, routes, sitemapMonth, sitemapMonths, sitemapOtherPages, type StoreApi } from './store'

const shared = (globalThis as any)[SHARED_KEY] as { raw?: RawContent; api: StoreApi }

const column = { id: 1, slug: 'trials', title: '审判动态' }
const newsDoc = (n: number) => ({
  id: n,
  slug: `news-${n}`,
  title: `第${n}篇`,
  publishedAt: new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString(),
  updatedAt: '2025-06-01T00:00:00.000Z',
  tags: [],
  column,
})
const content = (count: number, version: number): RawContent => ({
  version,
  collections: { news: Array.from({ length: count }, (_, i) => newsDoc(i + 1)).reverse(), columns: [column] },
  globals: {},
})

describe('stable pagination', () => {
  // news-n is published n days after 2025-01-01 (08:00 in Beijing): January holds news-1…30.
  it('pages each month from its oldest article: a new article changes the newest page and its own month only', () => {
    shared.raw = content(45, 1)
    const before = shared.api.viewDigests()
    expect(routes()).toEqual(expect.arrayContaining(['/news/', '/news/archive/', '/news/2025/01/', '/news/2025/01/2/', '/news/2025/02/', '/columns/trials/2025/01/2/', '/columns/trials/archive/']))
    expect(routes().some((url) => url.includes('/page/'))).toBe(false)
    expect(archivePage('/news/2025/01/')!.items.map((n) => n.id)).toEqual(Array.from({ length: 20 }, (_, i) => `news-${20 - i}`))
    expect(archivePage('/news/2025/01/2/')!.items.map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => `news-${30 - i}`))
    expect(archivePage('/news/2025/01/3/')).toBeUndefined()
    expect(archivePage('/news/page/1/')).toBeUndefined()

    shared.raw = content(46, 2)
    const after = shared.api.viewDigests()
    const changedLists = [...after.keys()].filter((key) => !key.startsWith('view:/news/news-') && before.get(key) !== after.get(key))
    expect(changedLists.sort()).toEqual([
      'view:/columns/trials/', 'view:/columns/trials/2025/02/', 'view:/columns/trials/archive/',
      'view:/news/', 'view:/news/2025/02/', 'view:/news/archive/',
      'view:latest:column:trials', 'view:latest:news', 'view:sitemap:202502',
    ])
    // The article that was newest now has a newer neighbour; no other article's page changes (related items are earlier ones).
    const changedArticles = [...after.keys()].filter((key) => key.startsWith('view:/news/news-') && before.get(key) !== after.get(key))
    expect(changedArticles.sort()).toEqual(['view:/news/news-45/', 'view:/news/news-46/'])
  })

  it('links pages newest first across months, the months either side and the month index', () => {
    shared.raw = content(70, 3)
    // January: news-1…30 (2 pages), February: 31…58 (2 pages), March: 59…70 (1 page).
    expect(archivePage('/news/')!.nav).toEqual({ older: '/news/2025/02/', index: '/news/archive/' })
    expect(archivePage('/news/2025/02/')!.nav).toEqual({
      newer: '/news/2025/02/2/', older: '/news/2025/01/2/',
      month: { month: '202502', current: 1, pages: ['/news/2025/02/', '/news/2025/02/2/'] },
      newerMonth: { month: '202503', href: '/news/2025/03/' }, olderMonth: { month: '202501', href: '/news/2025/01/' },
      index: '/news/archive/',
    })
    expect(archivePage('/news/2025/03/')!.nav).toMatchObject({ newer: '/news/', older: '/news/2025/02/2/' })
    expect(archivePage('/news/2025/01/')!.nav.older).toBeUndefined()
    expect(archiveIndex('/news/archive/')!.months).toEqual([
      { month: '202503', href: '/news/2025/03/', count: 12 },
      { month: '202502', href: '/news/2025/02/', count: 28 },
      { month: '202501', href: '/news/2025/01/', count: 30 },
    ])
    expect(archiveIndex('/news/')).toBeUndefined()
  })
})

describe('the newest news (home page, feeds, column blocks)', () => {
  const withdrawn = (count: number, version: number, gone: number) => {
    const raw = content(count, version)
    return { ...raw, collections: { ...raw.collections, news: raw.collections.news.filter((doc) => doc.id !== gone) } }
  }

  it('reach the pages showing them only when one of the newest comes, goes or moves', () => {
    shared.raw = content(120, 10)
    expect(latestNews(3).map((n) => n.id)).toEqual(['news-120', 'news-119', 'news-118'])
    expect(latestNews(2, 'trials').map((n) => n.id)).toEqual(['news-120', 'news-119'])
    expect(latestNews(2, 'no-such-column')).toEqual([])
    const before = shared.api.viewDigests()
    // An old article withdrawn: the newest 50 are the same.
    shared.raw = withdrawn(120, 11, 10)
    const afterOld = shared.api.viewDigests()
    expect(afterOld.get('view:latest:news')).toBe(before.get('view:latest:news'))
    expect(afterOld.get('view:latest:column:trials')).toBe(before.get('view:latest:column:trials'))
    // One of them withdrawn: the list changes.
    shared.raw = withdrawn(120, 12, 100)
    expect(shared.api.viewDigests().get('view:latest:news')).not.toBe(before.get('view:latest:news'))
    expect(() => latestNews(51)).toThrow()
  })

  it('lead with the newest article that has a cover', () => {
    const raw = content(30, 20)
    raw.collections.news = raw.collections.news.map((doc) => (doc.id === 7 || doc.id === 12 ? { ...doc, cover: { id: 1, filename: 'a.jpg', alt: '图', width: 800, height: 600 } } : doc))
    shared.raw = raw
    const digest = shared.api.viewDigests().get('view:lead')
    expect(digest).toBe(JSON.stringify('news-12'))
  })
})

describe('the sitemap files', () => {
  it('put the articles in one file per month (Beijing time), the other pages in one', () => {
    shared.raw = content(40, 30)
    // news-n is published n days after 2025-01-01 (UTC midnight, 08:00 in Beijing).
    expect(sitemapMonths()).toEqual(['202501', '202502'])
    expect(sitemapMonth('202501')).toEqual(Array.from({ length: 30 }, (_, i) => `/news/news-${i + 1}/`).sort())
    expect(sitemapMonth('202503')).toEqual([])
    expect(sitemapOtherPages()).toEqual(expect.arrayContaining(['/news/2025/01/', '/news/2025/01/2/', '/news/archive/']))
    expect(sitemapOtherPages().some((url) => url.startsWith('/news/news-'))).toBe(false)
    expect(routes()).toEqual(expect.arrayContaining(['/sitemap-0.xml', '/sitemap-202501.xml', '/sitemap-202502.xml', '/news/news-40/']))

    // A withdrawal in January: its month's file changes, not February's nor the other pages'.
    const before = shared.api.viewDigests()
    const raw = content(40, 31)
    shared.raw = { ...raw, collections: { ...raw.collections, news: raw.collections.news.filter((doc) => doc.id !== 5) } }
    const after = shared.api.viewDigests()
    const changed = ['view:sitemap:202501', 'view:sitemap:202502', 'view:sitemap:pages', 'view:sitemap:months'].filter((tag) => before.get(tag) !== after.get(tag))
    expect(changed).toEqual(['view:sitemap:202501'])
  })
})

describe('what changed since a generation (the renderer compares only those views)', () => {
  it('names the views a change reached, with their digests now, and nothing when it cannot tell', () => {
    shared.raw = content(50, 40)
    const all = shared.api.viewDigests()
    const generation = shared.api.viewGeneration()
    // An article withdrawn: its page's view goes, its older neighbour's changes.
    const raw = content(50, 41)
    shared.raw = { ...raw, collections: { ...raw.collections, news: raw.collections.news.filter((doc) => doc.id !== 30) } }
    const after = shared.api.viewDigests()
    const since = shared.api.viewChangesSince(generation)!
    expect(since.generation).toBe(shared.api.viewGeneration())
    expect(since.changed.get('view:/news/news-30/')).toBeNull()
    // Every view whose digest differs is named, with its digest now.
    for (const [tag, digest] of after) if (all.get(tag) !== digest) expect(since.changed.get(tag), tag).toBe(digest)
    for (const tag of all.keys()) if (!after.has(tag)) expect(since.changed.get(tag), tag).toBeNull()
    // Unreached views are not named.
    expect(since.changed.has('view:/news/news-10/')).toBe(false)

    // Fresh content (other objects, other columns): computed afresh, so the store cannot say.
    shared.raw = { ...content(50, 42), collections: { ...content(50, 42).collections, columns: [] } }
    expect(shared.api.viewChangesSince(since.generation)).toBeUndefined()
  })
})
