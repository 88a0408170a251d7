// Saves run in transactions on SQLite, migrations must not: a migration that rebuilds a table (as
// drizzle-kit writes them) turns foreign keys off around it, which SQLite ignores inside a
// transaction, and dropping the old table would then cascade-delete every row that refers to it.
import { sql } from '@payloadcms/db-sqlite'
import type { Migration } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { startTestPayload, type TestPayload } from './testing/testPayload'

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(() => t?.close())

type Run = (query: unknown) => Promise<unknown>

it('a table rebuild in a migration keeps the rows that refer to the table', async () => {
  const db = t.payload.db as unknown as { drizzle: { run: Run; all: (query: unknown) => Promise<unknown[]> } }
  await db.drizzle.run(sql`CREATE TABLE rebuild_parent (id integer PRIMARY KEY, name text)`)
  await db.drizzle.run(sql`CREATE TABLE rebuild_child (id integer PRIMARY KEY, parent_id integer REFERENCES rebuild_parent(id) ON DELETE CASCADE)`)
  await db.drizzle.run(sql`INSERT INTO rebuild_parent VALUES (1, 'a')`)
  await db.drizzle.run(sql`INSERT INTO rebuild_child VALUES (10, 1)`)

  const rebuild = {
    name: '20990101_000000_test_rebuild',
    up: async ({ db: run }: { db: { run: Run } }) => {
      await run.run(sql`PRAGMA foreign_keys=OFF;`)
      await run.run(sql`CREATE TABLE __new_rebuild_parent (id integer PRIMARY KEY, name text, extra text)`)
      await run.run(sql`INSERT INTO __new_rebuild_parent (id, name) SELECT id, name FROM rebuild_parent`)
      await run.run(sql`DROP TABLE rebuild_parent`)
      await run.run(sql`ALTER TABLE __new_rebuild_parent RENAME TO rebuild_parent`)
      await run.run(sql`PRAGMA foreign_keys=ON;`)
    },
    down: async () => {},
  }
  await t.payload.db.migrate({ migrations: [rebuild as unknown as Migration] })

  expect(await db.drizzle.all(sql`SELECT id, parent_id FROM rebuild_child`)).toEqual([{ id: 10, parent_id: 1 }])
  // Saves are in transactions again once the migration is done.
  const id = await t.payload.db.beginTransaction()
  expect(id).toBeTruthy()
  await t.payload.db.rollbackTransaction(id!)
})
