import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { type SQLiteSchemaHook, sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj, Migration } from 'payload'

import { indexReviewedLists } from './listIndexes'
import { migrations as generated } from './migrations'

// The generated list is typed with the SQLite adapter's own argument types; Payload's generic type erases them.
export const migrations = generated as unknown as Migration[]

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Resolved from this file, not the working directory, so every script finds the same database. */
export const defaultSqlitePath = path.resolve(dirname, '../data/liushan.db')

export const isMongoUrl = (url: string | undefined): url is string =>
  Boolean(url && /^mongodb(\+srv)?:\/\//.test(url))

/**
 * Payload gives the tables behind hasMany text fields (news tags: news_texts) only an
 * (order, parent_id) index, which cannot find one document's rows; every list then scanned the
 * whole table once per row (8 s for a page of 20 at 10k news, see `npm run bench`).
 */
const indexTextParents: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_texts')) continue
    extendTable({ table, extraConfig: (columns) => ({ parentIdx: index(`${name}_parent_idx`).on(columns.parent) }) })
  }
  return schema
}

/**
 * Embedded SQLite unless DATABASE_URL names a MongoDB server (the production, scale-out path).
 * SQLite's schema is owned by the committed migrations, in every environment.
 */
export function databaseAdapter(url = process.env.DATABASE_URL): DatabaseAdapterObj {
  if (isMongoUrl(url)) return mongooseAdapter({ url })

  const sqliteUrl = url || `file:${defaultSqlitePath}`
  if (sqliteUrl.startsWith('file:')) fs.mkdirSync(path.dirname(sqliteUrl.slice('file:'.length)), { recursive: true })
  return sqliteAdapter({
    client: { url: sqliteUrl },
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    prodMigrations: migrations,
    // WAL lets readers (and backups, VACUUM INTO) run beside writers; FULL syncs every commit, so
    // a power cut loses no acknowledged edit (NORMAL could lose the last ones). See README, 备份与恢复.
    wal: { synchronous: 'FULL' },
    // AUTOINCREMENT: an id once used is never given to another row, so nothing that names a deleted
    // item (a preview link, its 审签记录) can ever point at a new one.
    autoIncrement: true,
    afterSchemaInit: [indexTextParents, indexReviewedLists],
  })
}
