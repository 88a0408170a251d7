// Which saves queue a portal update: the hooks on a real Payload, read back from the durable
// queue (site-changes). No renderer runs here; the records are what a renderer would pick up.
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createDoc, sampleData } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'

let test: TestPayload
let payload: Payload
let seen = 0

beforeAll(async () => {
  test = await startTestPayload()
  payload = test.payload
  // The column and workstation sample items need, made up front.
  await sampleData(payload, 'news', 'setup')
  await sampleData(payload, 'stories', 'setup')
})

afterAll(async () => {
  await test?.close()
})

/** The records queued since the last call, oldest first. */
async function queued(): Promise<{ reason: string; key: string }[]> {
  const { docs } = await payload.db.find<{ id: number; reason: string; key: string; state: string }>({
    collection: 'site-changes',
    where: { id: { greater_than: seen } },
    sort: 'id',
    pagination: false,
    limit: 0,
  })
  if (docs.length) seen = docs.at(-1)!.id
  expect(docs.every((d) => d.state === 'pending')).toBe(true)
  return docs.map(({ reason, key }) => ({ reason, key }))
}
const reasons = async () => (await queued()).map((r) => r.reason)

beforeEach(async () => {
  await queued()
})

describe('portal update queue', () => {
  it('records publish, edit of a published item, withdrawal and delete — not draft saves', async () => {
    const doc = await createDoc(payload, 'news', 'hooks', { status: 'draft' })
    expect(await reasons()).toEqual([])

    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'published' } })
    expect(await queued()).toEqual([{ reason: `新闻 #${doc.id} 已发布`, key: `doc:news:${doc.id}` }])

    await payload.update({ collection: 'news', id: doc.id, data: { summary: '改一个字' } })
    expect(await reasons()).toEqual([`新闻 #${doc.id} 已发布（修改）`])

    await payload.update({ collection: 'news', id: doc.id, data: { summary: '还在修改的草稿' }, draft: true })
    expect(await reasons()).toEqual([])

    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    expect(await reasons()).toEqual([`新闻 #${doc.id} 已撤下`])

    const never = await createDoc(payload, 'stories', 'never published', { status: 'draft' })
    await payload.delete({ collection: 'stories', id: never.id })
    expect(await reasons()).toEqual([])

    const live = await createDoc(payload, 'events', 'published', { status: 'published' })
    await payload.delete({ collection: 'events', id: live.id })
    expect(await queued()).toEqual([
      { reason: `普法活动 #${live.id} 已发布`, key: `doc:events:${live.id}` },
      { reason: `普法活动 #${live.id} 已删除`, key: `doc:events:${live.id}` },
    ])
  })

  it('records site structure and settings, and edits of photos but not new uploads', async () => {
    const photo = await createDoc(payload, 'media', 'new-photo')
    expect(await reasons()).toEqual([])
    await payload.update({ collection: 'media', id: photo.id, data: { alt: '新的替代文字' } })
    const column = await payload.create({ collection: 'columns', data: { title: '新栏目' } })
    await payload.updateGlobal({ slug: 'site-settings', data: { phone: '0000-0000000' } })
    await payload.updateGlobal({ slug: 'navigation', data: { items: [] } })
    await payload.updateGlobal({ slug: 'site-pages', data: {} })
    expect((await queued()).map((r) => r.key)).toEqual([
      `doc:media:${photo.id}`,
      `doc:columns:${column.id}`,
      'global:site-settings',
      'global:navigation',
      'global:site-pages',
    ])
  })

  it('writes nothing when the change itself fails', async () => {
    // A second column with the same title breaks the unique index: the change and its record go together.
    await expect(payload.create({ collection: 'columns', data: { title: '新栏目' } })).rejects.toThrow()
    expect(await reasons()).toEqual([])
  })
})
