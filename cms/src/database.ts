import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Migration } from 'payload'

import { migrations as generated } from './migrations'

// The generated list is typed with the SQLite adapter's own argument types; Payload's generic type erases them.
export const migrations = generated as unknown as Migration[]

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Resolved from this file, not the working directory, so every script finds the same database. */
export const defaultSqlitePath = path.resolve(dirname, '../data/liushan.db')

export const isMongoUrl = (url: string | undefined): url is string =>
  Boolean(url && /^mongodb(\+srv)?:\/\//.test(url))

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
    wal: true,
  })
}
