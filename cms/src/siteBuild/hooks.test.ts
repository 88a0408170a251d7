// Which saves ask for a portal build: the hooks on a real Payload, with a stand-in builder that
// only records the requests (no `astro build` runs in unit tests).
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createDoc, sampleData } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import type { RequestOptions } from './builder'

const requests: { reason: string; settled?: () => boolean }[] = []
let test: TestPayload
let payload: Payload

beforeAll(async () => {
  process.env.SITE_AUTO_BUILD = '1'
  const holder = globalThis as Record<symbol, unknown>
  holder[Symbol.for('liushan.siteBuilder')] = {
    request: (reason: string, options: RequestOptions = {}) => requests.push({ reason, settled: options.settled }),
  }
  test = await startTestPayload()
  payload = test.payload
  // The column and workstation sample items need, made up front.
  await sampleData(payload, 'news', 'setup')
  await sampleData(payload, 'stories', 'setup')
})

afterAll(async () => {
  delete process.env.SITE_AUTO_BUILD
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('liushan.siteBuilder')]
  await test?.close()
})

beforeEach(() => {
  requests.length = 0
})

const reasons = () => requests.map((r) => r.reason)

describe('portal rebuild requests', () => {
  it('are made on publish, edit of a published item, withdrawal and delete — not on draft saves', async () => {
    const doc = await createDoc(payload, 'news', 'hooks', { status: 'draft' })
    expect(reasons()).toEqual([])

    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'published' } })
    expect(reasons()).toEqual([`news #${doc.id} 已发布`])
    // Nothing to wait for: the change is already visible (SQLite without transactions here).
    expect(requests[0].settled?.()).toBe(true)

    await payload.update({ collection: 'news', id: doc.id, data: { summary: '改一个字' } })
    expect(reasons().at(-1)).toBe(`news #${doc.id} 已发布（修改）`)

    requests.length = 0
    await payload.update({ collection: 'news', id: doc.id, data: { summary: '还在修改的草稿' }, draft: true })
    expect(reasons()).toEqual([])

    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    expect(reasons()).toEqual([`news #${doc.id} 已撤下`])

    requests.length = 0
    const never = await createDoc(payload, 'stories', 'never published', { status: 'draft' })
    await payload.delete({ collection: 'stories', id: never.id })
    expect(reasons()).toEqual([])

    const live = await createDoc(payload, 'events', 'published', { status: 'published' })
    await payload.delete({ collection: 'events', id: live.id })
    expect(reasons()).toEqual([`events #${live.id} 已发布`, `events #${live.id} 已删除`])
  })

  it('are made for site structure and settings, and for edits of photos but not new uploads', async () => {
    const photo = await createDoc(payload, 'media', 'new-photo')
    expect(reasons()).toEqual([])
    await payload.update({ collection: 'media', id: photo.id, data: { alt: '新的替代文字' } })
    const column = await payload.create({ collection: 'columns', data: { title: '新栏目' } })
    await payload.updateGlobal({ slug: 'site-settings', data: { phone: '0000-0000000' } })
    await payload.updateGlobal({ slug: 'navigation', data: { items: [] } })
    expect(reasons()).toEqual([`media #${photo.id} 已修改`, `columns #${column.id} 已新增`, 'site-settings 已修改', 'navigation 已修改'])
  })
})
