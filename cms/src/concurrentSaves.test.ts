// Saves run in transactions on SQLite (database.ts, sqliteClient.ts). Many at once in one process —
// over the REST handlers and the Local API, in one Payload or two on the same file — must all
// succeed, each leaving exactly its own portal change record; and thousands of transactions must
// not leave connections (file descriptors) behind.
import fs from 'node:fs'

import { BasePayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AnyDoc, createDoc, createStaff, sampleData, testPassword } from './testing/fixtures'
import { restClient } from './testing/restClient'
import { startTestPayload, type TestPayload } from './testing/testPayload'

let t: TestPayload
let payload: Payload
let second: Payload
let rest: ReturnType<typeof restClient>
const tokens: Record<'contributor' | 'approver', string> = { contributor: '', approver: '' }

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  rest = restClient(t.config)
  const staff = await createStaff(payload)
  tokens.contributor = await rest.login(staff.contributor.email, testPassword)
  tokens.approver = await rest.login(staff.approver.email, testPassword)
  // A second CMS instance: its own Payload and connections, the same database file.
  second = await new BasePayload().init({ config: t.config })
})
afterAll(async () => {
  await second?.destroy()
  await t?.close()
})

const changeRecords = async (collection: string, id: number) =>
  (await payload.db.count({ collection: 'site-changes', where: { key: { equals: `doc:${collection}:${id}` } } })).totalDocs
const allChanges = async () => (await payload.db.count({ collection: 'site-changes' })).totalDocs

describe('simultaneous saves in one process', () => {
  it('all succeed, each with exactly its change record (REST and Local API)', async () => {
    const reviewed: AnyDoc[] = []
    const published: AnyDoc[] = []
    for (let i = 0; i < 6; i++) reviewed.push(await createDoc(payload, 'news', `reviewed ${i}`, { state: 'reviewed', status: 'draft' }))
    for (let i = 0; i < 6; i++) published.push(await createDoc(payload, 'news', `published ${i}`, { status: 'published' }))
    const drafts = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => sampleData(payload, 'news', `draft ${i}`)))
    const before = await allChanges()

    const [restPublishes, restDrafts, localCreates, localEdits] = await Promise.all([
      // 签发 over REST: each a publish, so one change record each.
      Promise.all(reviewed.map((doc) => rest.patch(`/news/${doc.id}`, { token: tokens.approver, body: { _status: 'published' } }))),
      // 通讯员 drafts over REST: a draft changes nothing public, no record.
      Promise.all(drafts.map((data) => rest.post('/news?draft=true', { token: tokens.contributor, body: { ...data, _status: 'draft' } }))),
      // New columns (all public): one record each.
      Promise.all([0, 1, 2, 3, 4, 5].map((i) => payload.create({ collection: 'columns', data: { title: `并发栏目 ${i}` } }))),
      // Edits of published news: one record each.
      Promise.all(published.map((doc, i) => payload.update({ collection: 'news', id: doc.id, data: { title: `并发修改 ${i}` } }))),
    ])

    expect(restPublishes.map((r) => r.status)).toEqual(reviewed.map(() => 200))
    expect(restDrafts.map((r) => r.status)).toEqual(drafts.map(() => 201))
    for (const doc of reviewed) expect(await changeRecords('news', doc.id)).toBe(1)
    for (const response of restDrafts) expect(await changeRecords('news', response.json.doc.id)).toBe(0)
    for (const column of localCreates) expect(await changeRecords('columns', column.id)).toBe(1)
    // Created published (one record), then edited (a second).
    for (const doc of localEdits) expect(await changeRecords('news', doc.id)).toBe(2)
    expect(await allChanges()).toBe(before + reviewed.length + localCreates.length + localEdits.length)
    expect((await payload.find({ collection: 'news', where: { id: { in: reviewed.map((doc) => doc.id) } }, limit: 0 })).docs.map((doc) => doc._status)).toEqual(reviewed.map(() => 'published'))
  })

  it('two Payload instances on one database file saving at once all succeed', async () => {
    const before = await allChanges()
    const saves = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) => createDoc(i % 2 ? second : payload, 'news', `two instances ${i}`, { status: 'published' })),
    )
    expect(saves.filter((save) => save.status === 'rejected')).toEqual([])
    const docs = saves.map((save) => (save as PromiseFulfilledResult<AnyDoc>).value)
    for (const doc of docs) expect(await changeRecords('news', doc.id)).toBe(1)
    expect(await allChanges()).toBe(before + docs.length)
  })

  it('a write outside a transaction waits for an open one instead of failing', async () => {
    const id = await payload.db.beginTransaction()
    await payload.db.create({ collection: 'columns', data: { title: '事务内', slug: 'inside-tx' }, req: { transactionID: id! } as never })
    let outsideDone = false
    const outside = payload.db.create({ collection: 'columns', data: { title: '事务外', slug: 'outside-tx' } }).then(
      () => {
        outsideDone = true
      },
      (error: unknown) => error,
    )
    // Give the outside write every chance to run; it must still be waiting for the lock.
    await new Promise((resolve) => setImmediate(resolve))
    await payload.db.count({ collection: 'columns' })
    expect(outsideDone).toBe(false)
    await payload.db.commitTransaction(id!)
    expect(await outside).toBeUndefined()
    expect((await payload.db.count({ collection: 'columns', where: { slug: { in: ['inside-tx', 'outside-tx'] } } })).totalDocs).toBe(2)
  })
})

describe('connections', () => {
  const openFiles = () => fs.readdirSync('/proc/self/fd').length

  it('2,000 transactions (committed and rolled back) leave no file descriptors behind', async () => {
    const run = async (i: number) => {
      const id = await payload.db.beginTransaction()
      await payload.db.create({ collection: 'site-changes', data: { key: `fd:${i}`, kind: 'doc', reason: 'fd', state: 'pending', attempts: 0 }, req: { transactionID: id! } as never })
      // Mostly rollbacks: a commit waits for the disk (synchronous = FULL), a rollback does not.
      if (i % 10 === 0) await payload.db.commitTransaction(id!)
      else await payload.db.rollbackTransaction(id!)
    }
    for (let i = 0; i < 20; i++) await run(i)
    // Real saves too: the Local API's own transactions, hooks and all.
    for (let i = 0; i < 10; i++) await payload.create({ collection: 'columns', data: { title: `句柄 ${i}` } })
    const before = openFiles()
    for (let i = 20; i < 2_000; i++) await run(i)
    for (let i = 10; i < 50; i++) await payload.create({ collection: 'columns', data: { title: `句柄 ${i}` } })
    // A leak is three descriptors per transaction (database, WAL, shared memory): thousands.
    expect(openFiles()).toBeLessThanOrEqual(before + 3)
    expect((await payload.db.count({ collection: 'site-changes', where: { reason: { equals: 'fd' } } })).totalDocs).toBe(200)
  })
})
