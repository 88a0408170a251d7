import { describe, expect, it } from 'vitest'

import { type RawContent, SHARED_KEY } from './cmsSources'
import { archivePage, routes, type StoreApi } from './store'

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
  it('numbers archive pages from the oldest: a new article changes the newest page only', () => {
    shared.raw = content(45, 1)
    const before = shared.api.viewDigests()
    expect(routes()).toEqual(expect.arrayContaining(['/news/', '/news/page/1/', '/news/page/2/', '/columns/trials/page/2/']))
    expect(archivePage('/news/page/1/')!.items.map((n) => n.id)).toEqual(Array.from({ length: 20 }, (_, i) => `news-${20 - i}`))

    shared.raw = content(46, 2)
    const after = shared.api.viewDigests()
    const changedLists = [...after.keys()].filter((key) => !key.startsWith('view:/news/news-') && before.get(key) !== after.get(key))
    expect(changedLists.sort()).toEqual(['view:/columns/trials/', 'view:/news/'])
    // The article that was newest now has a newer neighbour; no other article's page changes (related items are earlier ones).
    const changedArticles = [...after.keys()].filter((key) => key.startsWith('view:/news/news-') && before.get(key) !== after.get(key))
    expect(changedArticles.sort()).toEqual(['view:/news/news-45/', 'view:/news/news-46/'])
  })

  it('adds an archive page once the newest page overflows by a full page', () => {
    shared.raw = content(60, 3)
    expect(routes().filter((url) => url.startsWith('/news/page/'))).toEqual(['/news/page/1/', '/news/page/2/'])
    shared.raw = content(61, 4)
    expect(routes().filter((url) => url.startsWith('/news/page/'))).toEqual(['/news/page/1/', '/news/page/2/', '/news/page/3/'])
    expect(archivePage('/news/page/3/')!.nav).toMatchObject({ current: 3, newer: '/news/', older: '/news/page/2/' })
  })
})
