// A change and its portal-update record commit together or not at all: a save that fails after
// the record was queued (here a hook that throws last) must leave neither behind, or the portal
// shows an item the editor was told was not published. (Before SQLite ran saves in transactions,
// database.ts and README 开发者说明 → 数据库事务, each statement committed at once and both checks
// below failed: the failed publish stayed public and queued.)
import type { CollectionAfterChangeHook, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AnyDoc, createDoc, sampleData } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'

let test: TestPayload
let payload: Payload
let failNextSave = false

/** Runs after rebuildSiteOnPublish, so the change record is already written when it throws. */
const failingLast: CollectionAfterChangeHook = ({ doc }) => {
  if (!failNextSave) return doc
  failNextSave = false
  throw new Error('a later hook failed')
}

beforeAll(async () => {
  test = await startTestPayload()
  payload = test.payload
  payload.collections.news.config.hooks.afterChange.push(failingLast)
  await sampleData(payload, 'news', 'setup')
})
afterAll(() => test?.close())

const changeRecords = async (id: number) =>
  (await payload.db.count({ collection: 'site-changes', where: { key: { equals: `doc:news:${id}` } } })).totalDocs

/** The item itself, not its latest draft revision, straight from the database. */
const stored = (id: number) => payload.db.findOne<{ id: number; _status?: string; title?: string }>({ collection: 'news', where: { id: { equals: id } } })

describe('a publish whose last hook fails', () => {
  let draft: AnyDoc
  let newsBefore: number
  let changesBefore: number

  it('is refused with the hook’s error (update and create)', async () => {
    draft = await createDoc(payload, 'news', 'atomic publish', { status: 'draft' })
    failNextSave = true
    const publish = payload.update({ collection: 'news', id: draft.id, data: { _status: 'published', title: '不应发布的标题' } })
    await expect(publish).rejects.toThrow('a later hook failed')

    newsBefore = (await payload.db.count({ collection: 'news' })).totalDocs
    changesBefore = (await payload.db.count({ collection: 'site-changes' })).totalDocs
    failNextSave = true
    const data = await sampleData(payload, 'news', 'atomic create')
    await expect(payload.create({ collection: 'news', data: { ...data, _status: 'published' } as never })).rejects.toThrow('a later hook failed')
  })

  it('leaves the item as it was and queues nothing for the portal', async () => {
    expect(await changeRecords(draft.id)).toBe(0)
    expect(await stored(draft.id)).toMatchObject({ _status: 'draft', title: draft.title })
  })

  it('creates neither the item nor a change record', async () => {
    expect((await payload.db.count({ collection: 'news' })).totalDocs).toBe(newsBefore)
    expect((await payload.db.count({ collection: 'site-changes' })).totalDocs).toBe(changesBefore)
  })

  it('a successful publish commits the item and its change record', async () => {
    const ok = await createDoc(payload, 'news', 'atomic ok', { status: 'draft' })
    await payload.update({ collection: 'news', id: ok.id, data: { _status: 'published' } })
    expect(await changeRecords(ok.id)).toBe(1)
    expect((await stored(ok.id))?._status).toBe('published')
  })
})
