// With transactions on, saves started at the same moment all succeed, in one Payload and across
// two on the same file, also beside writes outside any transaction. Without the write gate
// (sqliteWriteGate.ts) 5 of 6 such saves failed with "cannot begin transaction: SQLITE_BUSY".
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { BasePayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestPayload, type TestPayload } from './testing/testPayload'

let test: TestPayload
let second: Payload

beforeAll(async () => {
  test = await startTestPayload()
  // A second CMS instance: its own Payload and connection, the same database file.
  second = await new BasePayload().init({ config: test.config })
})
afterAll(async () => {
  await second?.destroy()
  await test?.close()
})

const failures = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error)?.message ?? r.reason)] : []))

describe('SQLite with transactions', () => {
  it('runs transactions', () => {
    // The adapter has a real beginTransaction only when transactionOptions is set.
    expect((test.payload.db as unknown as SQLiteAdapter).transactionOptions).toBeTruthy()
  })

  it('saves started at the same moment all succeed, in one instance and across two', async () => {
    const saves = Array.from({ length: 8 }, (_, i) =>
      (i % 2 ? second : test.payload).create({ collection: 'columns', data: { title: `并发栏目 ${i}` } }),
    )
    expect(failures(await Promise.allSettled(saves))).toEqual([])
    expect((await test.payload.count({ collection: 'columns', where: { title: { like: '并发栏目' } } })).totalDocs).toBe(8)
  })

  it('a write outside any transaction waits for one that is open, and both land', async () => {
    const results = await Promise.allSettled([
      test.payload.create({ collection: 'columns', data: { title: '事务中的栏目' } }),
      test.payload.db.create({
        collection: 'site-changes',
        data: { key: 'gate-test', kind: 'full', reason: '并发写入', state: 'done', attempts: 0 },
      }),
      second.db.create({ collection: 'site-changes', data: { key: 'gate-test', kind: 'full', reason: '另一实例', state: 'done', attempts: 0 } }),
    ])
    expect(failures(results)).toEqual([])
    expect((await test.payload.db.count({ collection: 'site-changes', where: { key: { equals: 'gate-test' } } })).totalDocs).toBe(2)
  })

  it('every connection the client opens keeps the settings: busy_timeout (other processes) and synchronous', async () => {
    const { client } = test.payload.db as unknown as SQLiteAdapter
    const setting = async (pragma: string) => Number(Object.values((await client.execute(`PRAGMA ${pragma}`)).rows[0])[0])
    await client.execute('PRAGMA synchronous = OFF')
    // After a transaction the client has opened a new connection for plain statements.
    await test.payload.create({ collection: 'columns', data: { title: '新连接' } })
    expect(await setting('busy_timeout')).toBeGreaterThan(0)
    expect(await setting('synchronous')).toBe(0)
    await client.execute('PRAGMA synchronous = FULL')
    await test.payload.create({ collection: 'columns', data: { title: '又一个新连接' } })
    expect(await setting('synchronous')).toBe(2)
  })
})
