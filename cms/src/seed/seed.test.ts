import fs from 'node:fs'

import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { computePoints, pointsYear } from '../collections/submissions/points'
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

const total = (collection: CollectionSlug, where = {}) =>
  t.payload.count({ collection, where, overrideAccess: true }).then((r) => r.totalDocs)

describe('demo content', () => {
  it('has the report-sized set of everything', async () => {
    expect(await total('workstations')).toBe(15)
    expect(await total('columns')).toBeGreaterThanOrEqual(7)
    expect(await total('news', { _status: { equals: 'published' } })).toBeGreaterThanOrEqual(20)
    expect(await total('events')).toBeGreaterThanOrEqual(10)
    expect(await total('families')).toBeGreaterThanOrEqual(6)
    expect(await total('stories')).toBeGreaterThanOrEqual(15)
  })

  it('leaves drafts and items awaiting review in every review-track collection', async () => {
    for (const collection of ['news', 'stories', 'events', 'families'] as const) {
      expect(await total(collection, { _status: { equals: 'draft' } }), collection).toBeGreaterThan(0)
      expect(await total(collection, { workflowState: { equals: 'submitted' } }), collection).toBeGreaterThan(0)
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
    const { docs } = await t.payload.find({ collection: 'media', limit: 5 })
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) {
      expect(doc.alt).toBeTruthy()
      for (const file of [doc.filename, doc.sizes?.thumbnail?.filename, doc.sizes?.card?.filename]) {
        expect(fs.existsSync(`${process.env.MEDIA_DIR}/${file}`)).toBe(true)
      }
    }
  })

  it('is idempotent: a second run adds nothing', () => {
    expect(Object.values(first.created).reduce((a, b) => a + b, 0)).toBeGreaterThan(80)
    expect(second.created).toEqual({})
  })

  it('prints its progress in Chinese', () => {
    expect(messages.some((m) => m.startsWith('法官工作站'))).toBe(true)
  })
})

describe('demo outside-media work', () => {
  it('has the outlets the report names, and rules for 2025 and 2026', async () => {
    const { docs } = await t.payload.find({ collection: 'outlets', pagination: false, depth: 0 })
    expect(docs.length).toBeGreaterThanOrEqual(10)
    const names = docs.map((outlet) => outlet.name)
    for (const name of ['新华网', '人民法院报', '中国法院网', '省高院信息简报', '县融媒体中心']) expect(names).toContain(name)
    const rules = await t.payload.find({ collection: 'scoring-rules', sort: 'year', depth: 0 })
    expect(rules.docs.map((doc) => doc.year)).toEqual([2025, 2026])
  })

  it('has records in every status, each scored by its year’s rules through the hooks', async () => {
    const { docs } = await t.payload.find({ collection: 'submissions', pagination: false, depth: 1 })
    expect(docs.length).toBeGreaterThanOrEqual(12)
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
