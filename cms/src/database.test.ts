import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { afterAll, describe, expect, it } from 'vitest'

import { databaseAdapter, defaultSqlitePath, isMongoUrl } from './database'

describe('database selection', () => {
  it('uses embedded SQLite unless DATABASE_URL names MongoDB', () => {
    expect(databaseAdapter(undefined).name).toBe('sqlite')
    expect(databaseAdapter('file:/tmp/liushan-x.db').name).toBe('sqlite')
    expect(databaseAdapter('mongodb://127.0.0.1:27017/liushan').name).toBe('mongoose')
    expect(isMongoUrl('mongodb+srv://cluster.example/liushan')).toBe(true)
  })

  it('finds the default database beside the CMS, whatever the working directory', () => {
    expect(defaultSqlitePath).toMatch(/\/cms\/data\/liushan\.db$/)
  })

  it('indexes the tag tables by parent, so news lists stay fast at 10k items', async () => {
    const { startTestPayload } = await import('./testing/testPayload')
    const t = await startTestPayload()
    try {
      const db = t.payload.db as unknown as SQLiteAdapter
      const plan = await db.client.execute('EXPLAIN QUERY PLAN SELECT text FROM news_texts WHERE parent_id = 1')
      // Payload's (parent_id) index, or ours on (parent_id, order) (listIndexes.ts indexSideTables).
      expect(JSON.stringify(plan.rows)).toMatch(/news_texts_parent(_order)?_idx/)
    } finally {
      await t.close()
    }
  })
})

// The production, scale-out path. No MongoDB server can be installed on the build machines,
// so this runs only where MONGODB_URL points at one, and says so when it is skipped.
const mongoUrl = process.env.MONGODB_URL
if (!mongoUrl) console.warn('[skipped] MongoDB tests: set MONGODB_URL=mongodb://… to run them against a real server.')

describe.skipIf(!mongoUrl)('MongoDB (MONGODB_URL)', () => {
  let close: (() => Promise<void>) | undefined
  afterAll(() => close?.())

  it('boots, keeps drafts from anonymous readers and publishes', async () => {
    const { startTestPayload } = await import('./testing/testPayload')
    const t = await startTestPayload({ databaseUrl: `${mongoUrl!.replace(/\/+$/, '')}/liushan-test-${Date.now()}` })
    close = async () => {
      await (t.payload.db as unknown as MongooseAdapter).connection.dropDatabase()
      await t.close()
    }
    expect(t.payload.db.name).toBe('mongoose')
    const column = await t.payload.create({ collection: 'columns', data: { title: '审判动态' } })
    const draft = await t.payload.create({
      collection: 'news',
      data: { title: '草稿新闻', column: column.id, _status: 'draft' },
      draft: true,
    })
    const anonymous = await t.payload.find({ collection: 'news', overrideAccess: false })
    expect(anonymous.docs).toHaveLength(0)
    await t.payload.update({ collection: 'news', id: draft.id, data: { _status: 'published', publishedAt: new Date().toISOString() } })
    expect((await t.payload.find({ collection: 'news', overrideAccess: false })).docs).toHaveLength(1)
  })
})
