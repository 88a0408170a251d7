import fs from 'node:fs'

import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { computePoints, pointsYear } from '../outsideMedia/points'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { seed, type SeedResult } from './index'

let t: TestPayload
let first: SeedResult
let second: SeedResult
const messages: string[] = []

beforeAll(async () => {
  process.env.SEED_PASSWORD = ''
  t = await startTestPayload()
  first = await seed(t.payload, (message) => messages.push(message))
  second = await seed(t.payload)
}, 300_000)
afterAll(() => t?.close())

/** The plain text of a Lexical node and its children. */
const textOf = (node: unknown): string => {
  const n = node as { text?: string; children?: unknown[] } | undefined
  return (n?.text ?? '') + (n?.children ?? []).map(textOf).join('')
}

const total = (collection: CollectionSlug, where = {}) =>
  t.payload.count({ collection, where, overrideAccess: true }).then((r) => r.totalDocs)

describe('demo content', () => {
  it('has the report-sized set of everything', async () => {
    expect(await total('workstations')).toBe(15)
    expect(await total('columns')).toBe(7)
    expect(await total('news', { _status: { equals: 'published' } })).toBe(36)
    expect(await total('events')).toBe(15)
    expect(await total('families')).toBe(9)
    expect(await total('stories')).toBe(21)
  })

  it('gives every column at least five published articles of court-news length (600–1,500 characters)', async () => {
    const { docs: columns } = await t.payload.find({ collection: 'columns', pagination: false, depth: 0 })
    for (const column of columns) {
      expect(await total('news', { column: { equals: column.id }, _status: { equals: 'published' } }), column.title).toBeGreaterThanOrEqual(5)
    }
    const { docs } = await t.payload.find({ collection: 'news', pagination: false, depth: 0, draft: true, overrideAccess: true })
    for (const doc of docs) {
      const text = textOf(doc.body?.root)
      expect(text.length, doc.title).toBeGreaterThanOrEqual(600)
      expect(text.length, doc.title).toBeLessThanOrEqual(1500)
    }
  })

  it('dates news around the seeding day: the newest a few days old, events on both sides of today', async () => {
    const now = Date.now()
    const day = 24 * 60 * 60 * 1000
    const newest = (await t.payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, sort: '-publishedAt', limit: 1, depth: 0 })).docs[0]
    expect(now - Date.parse(newest.publishedAt!)).toBeLessThan(7 * day)
    expect(now - Date.parse(newest.publishedAt!)).toBeGreaterThan(0)
    expect(await total('events', { _status: { equals: 'published' }, startAt: { greater_than: new Date(now).toISOString() } })).toBe(3)
    expect(await total('events', { _status: { equals: 'published' }, startAt: { less_than: new Date(now).toISOString() } })).toBe(8)
  })

  it('describes each demo picture as what it is (an abstract 示例配图), not as a scene', async () => {
    const { docs } = await t.payload.find({ collection: 'media', pagination: false, depth: 0 })
    const photos = docs.filter((doc) => !doc.filename?.startsWith('demo-'))
    expect(photos.length).toBe(100)
    for (const doc of photos) {
      expect(doc.alt).toMatch(/^示例配图：.*抽象图案，不是现场照片$/)
      expect(doc.caption).toMatch(/^示例配图（抽象图案，非现场照片）：/)
    }
  })

  it('fills 站点设置 and 门户页面 with marked demo values and a neutral emblem', async () => {
    const settings = await t.payload.findGlobal({ slug: 'site-settings', depth: 1 })
    expect(settings.icp).toContain('示例')
    expect((settings.emblem as { alt: string }).alt).toContain('示例标志')
    expect(settings.litigationLinks?.map((link) => link.label)).toEqual(['12368 诉讼服务热线', '网上立案', '诉讼指南', '裁判文书公开', '庭审公开'])
    const pages = await t.payload.findGlobal({ slug: 'site-pages' })
    // The six 善 are not named in the report: the page must say they are examples.
    expect(JSON.stringify(pages.culture)).toContain('示例')
    expect(pages.about).toBeTruthy()
  })

  it('leaves drafts and items awaiting review in every review-track collection', async () => {
    const expected = { news: [4, 1], stories: [3, 1], events: [4, 1], families: [2, 1] }
    for (const [collection, [drafts, submitted]] of Object.entries(expected) as [keyof typeof expected, number[]][]) {
      expect(await total(collection, { _status: { equals: 'draft' } }), collection).toBe(drafts)
      expect(await total(collection, { workflowState: { equals: 'submitted' } }), collection).toBe(submitted)
      // The anonymous view is smaller than the whole: drafts are really hidden.
      const anonymous = await t.payload.count({ collection, overrideAccess: false })
      expect(anonymous.totalDocs, collection).toBeLessThan(await total(collection))
    }
  })

  it('creates one account per role and reports the generated password once', async () => {
    const { docs } = await t.payload.find({ collection: 'users', limit: 10, sort: 'email' })
    expect(docs.map((u) => [u.email, u.role])).toEqual([
      ['admin@example.com', 'admin'],
      ['approver@example.com', 'approver'],
      ['contributor@example.com', 'contributor'],
      ['editor@example.com', 'editor'],
      ['reviewer@example.com', 'reviewer'],
    ])
    expect(first.password).toMatch(/^Ls-.{12}$/)
    expect(second.password).toBeUndefined()
    const login = await t.payload.login({ collection: 'users', data: { email: 'editor@example.com', password: first.password! } })
    expect(login.token).toBeTruthy()
  })

  it('generates the photos at seed time, with every size on disk', async () => {
    // Photos, not the small demo marks (emblem, 党政机关 mark), which are smaller than the larger sizes.
    const docs = (await t.payload.find({ collection: 'media', limit: 10, sort: 'id' })).docs.filter((doc) => !doc.filename?.startsWith('demo-')).slice(0, 5)
    expect(docs.length).toBe(5)
    for (const doc of docs) {
      expect(doc.alt).toBeTruthy()
      for (const file of [doc.filename, doc.sizes?.thumbnail?.filename, doc.sizes?.card?.filename]) {
        expect(fs.existsSync(`${process.env.MEDIA_DIR}/${file}`)).toBe(true)
      }
    }
  })

  it('is idempotent: a second run adds nothing', () => {
    expect(Object.values(first.created).reduce((a, b) => a + b, 0)).toBe(242)
    expect(second.created).toEqual({})
  })

  it('prints its progress in Chinese', () => {
    expect(messages.some((m) => m.startsWith('法官工作站'))).toBe(true)
  })
})

describe('demo outside-media work', () => {
  it('has the outlets the report names, and rules for 2025 and 2026', async () => {
    const { docs } = await t.payload.find({ collection: 'outlets', pagination: false, depth: 0 })
    expect(docs.length).toBe(13)
    const names = docs.map((outlet) => outlet.name)
    for (const name of ['新华网', '人民法院报', '中国法院网', '省高院信息简报', '县融媒体中心']) expect(names).toContain(name)
    const rules = await t.payload.find({ collection: 'scoring-rules', sort: 'year', depth: 0 })
    expect(rules.docs.map((doc) => doc.year)).toEqual([2025, 2026])
  })

  it('has records in every status, each scored by its year’s rules through the hooks', async () => {
    const { docs } = await t.payload.find({ collection: 'submissions', pagination: false, depth: 1 })
    expect(docs.length).toBe(20)
    expect(new Set(docs.map((doc) => doc.status))).toEqual(new Set(['pending', 'submitted', 'adopted', 'published', 'rejected']))
    const { docs: rules } = await t.payload.find({ collection: 'scoring-rules', depth: 0 })
    for (const doc of docs) {
      const outlet = doc.outlet as { level: 'national' }
      const year = pointsYear(doc.publishedOn, doc.submittedAt)
      const expected = computePoints({ status: doc.status, level: outlet.level, leaderInstruction: Boolean(doc.leaderInstruction), rules: rules.find((r) => r.year === year) })
      expect(doc.points, doc.title).toBe(expected)
      const item = await t.payload.findByID({ collection: doc.item.relationTo, id: (doc.item.value as { id: number }).id, depth: 0 })
      expect(item._status, doc.title).toBe('published')
    }
  })

  it('includes the 新华网 article and the 省高院 bulletin that carried the experience province-wide', async () => {
    const find = async (outlet: string) =>
      (await t.payload.find({ collection: 'submissions', where: { 'outlet.name': { equals: outlet } }, depth: 0, pagination: false })).docs
    expect((await find('新华网')).some((doc) => doc.status === 'published' && (doc.points ?? 0) > 0)).toBe(true)
    expect((await find('省高院信息简报')).some((doc) => doc.status === 'published' && doc.leaderInstruction)).toBe(true)
  })
})
