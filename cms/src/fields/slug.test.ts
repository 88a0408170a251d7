import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDoc, sampleData } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { firstFreeSlug } from './slug'
import { slugify } from './slugify'

describe('slugify', () => {
  it('turns Chinese titles into toneless pinyin', () => {
    expect(slugify('诉源治理')).toBe('su-yuan-zhi-li')
    expect(slugify('智慧法院建设得分位居全省第1位')).toBe('zhi-hui-fa-yuan-jian-she-de-fen-wei-ju-quan-sheng')
  })
  it('keeps Latin letters and digits, drops punctuation', () => {
    expect(slugify('“六善”法院文化：2025 年 Q2！')).toBe('liu-shan-fa-yuan-wen-hua-2025-nian-q2')
  })
  it('returns an empty string when nothing is sluggable', () => {
    expect(slugify('——！？')).toBe('')
  })
  it('picks the first free suffix', async () => {
    const taken = new Set(['a', 'a-2'])
    expect(await firstFreeSlug('a', async (s) => taken.has(s))).toBe('a-3')
    expect(await firstFreeSlug('b', async (s) => taken.has(s))).toBe('b')
  })
})

describe('slugs on documents', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(() => t?.close())

  it('are ASCII, unique for equal titles, and survive title edits', async () => {
    const column = await t.payload.create({ collection: 'columns', data: { title: '审判动态' } })
    const make = () =>
      t.payload.create({
        collection: 'news',
        data: { title: '法官工作站开展巡回审判', column: column.id, _status: 'draft' },
        draft: true,
      })
    const first = await make()
    const second = await make()
    expect(first.slug).toBe('fa-guan-gong-zuo-zhan-kai-zhan-xun-hui-shen-pan')
    expect(second.slug).toBe(`${first.slug}-2`)
    expect(first.slug).toMatch(/^[a-z0-9-]+$/)

    const edited = await t.payload.update({ collection: 'news', id: first.id, data: { title: '全新的标题' } })
    expect(edited.slug).toBe(first.slug)
    const published = await t.payload.update({
      collection: 'news',
      id: first.id,
      data: { _status: 'published', publishedAt: '2025-06-01T09:00:00+08:00' },
    })
    expect(published.slug).toBe(first.slug)
  })

  it('can be changed on purpose, and stay unique then too', async () => {
    const a = await createDoc(t.payload, 'events', 'slug-a')
    const b = await createDoc(t.payload, 'events', 'slug-b')
    const renamed = await t.payload.update({ collection: 'events', id: b.id, data: { slug: a.slug } })
    expect(renamed.slug).toBe(`${a.slug}-2`)
  })

  it('never take a news slug that the portal uses for its own page (/news/archive/)', async () => {
    const data = await sampleData(t.payload, 'news', '按月份浏览')
    const typed = await t.payload.create({ collection: 'news', data: { ...data, slug: 'archive' } as never })
    expect(typed.slug).toBe('archive-2')
    const fromTitle = await t.payload.create({ collection: 'news', data: { ...data, title: 'Archive' } as never })
    expect(fromTitle.slug).toBe('archive-3')
    const event = await t.payload.create({ collection: 'events', data: { ...(await sampleData(t.payload, 'events', '活动')), slug: 'archive' } as never })
    expect(event.slug).toBe('archive')
  })

  it('every content type gets one from its title field', async () => {
    const family = await createDoc(t.payload, 'families', '王某某家庭')
    expect(family.slug).toMatch(/^ce-mou-mou-jia-ting/)
    const station = await createDoc(t.payload, 'workstations', '青石镇')
    expect(station.slug).toMatch(/^gong-zuo-zhan-qing-shi-zhen/)
  })
})
