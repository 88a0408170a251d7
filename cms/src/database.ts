import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { type SQLiteAdapter, type SQLiteSchemaHook, sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import { type DatabaseAdapterObj, defaultBeginTransaction, type Migration } from 'payload'

import { indexReviewedLists } from './listIndexes'
import { migrations as generated } from './migrations'
import { createQueuedSqliteClient } from './sqliteClient'

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
  return withQueuedWrites(sqliteAdapter({
    client: { url: sqliteUrl },
    // Every save is one transaction with its change record and 审签记录 (README 开发者说明 → 数据库事务).
    // The libsql driver ignores the behaviour: its write transactions always BEGIN IMMEDIATE.
    transactionOptions: { behavior: 'immediate' },
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
  }))
}

async function useWal({ client, wal }: SQLiteAdapter): Promise<void> {
  if (!wal) return
  const { rows } = await client.execute('PRAGMA journal_mode')
  if (rows[0]?.journal_mode !== 'wal') {
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute(`PRAGMA journal_size_limit = ${wal.journalSizeLimit}`)
  }
  await client.execute(`PRAGMA synchronous = ${wal.synchronous}`)
}

const migrationCommands = ['migrate', 'migrateDown', 'migrateFresh', 'migrateRefresh', 'migrateReset'] as const

/**
 * The adapter with our client (sqliteClient.ts: one queued writer connection, pooled readers)
 * in place of the one it would create, closed again when Payload is destroyed.
 *
 * Migrations still run outside transactions: a migration that rebuilds a table turns foreign keys
 * off first, which SQLite ignores inside a transaction, and dropping the old table would then
 * delete (cascade) every row that refers to it.
 */
function withQueuedWrites(adapterObj: DatabaseAdapterObj<SQLiteAdapter>): DatabaseAdapterObj<SQLiteAdapter> {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const { connect, destroy } = adapter
      adapter.connect = async function (options) {
        if (!this.client) {
          this.client = createQueuedSqliteClient(this.clientConfig)
          // What db-sqlite's connect does only for a client it creates itself.
          await useWal(this)
        }
        return connect!.call(this, options)
      }
      adapter.destroy = async function () {
        await destroy?.call(this)
        this.client?.close()
        this.client = undefined as unknown as SQLiteAdapter['client']
      }
      for (const command of migrationCommands) {
        const run = adapter[command] as (this: SQLiteAdapter, ...args: unknown[]) => Promise<void>
        adapter[command] = async function (this: SQLiteAdapter, ...commandArgs: unknown[]) {
          const begin = this.beginTransaction
          this.beginTransaction = defaultBeginTransaction()
          try {
            return await run.apply(this, commandArgs)
          } finally {
            this.beginTransaction = begin
          }
        } as never
      }
      return adapter
    },
  }
}
