// A consistent copy of the live SQLite database, taken while the CMS keeps serving and writing:
// `VACUUM INTO` reads the database inside one read transaction (WAL lets writers go on) and
// writes a compact, self-contained file. A plain file copy of a live database can tear.
import path from 'node:path'

import { createClient } from '@libsql/client'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { sha256Text } from './hash'
import type { CollectionCounts } from './manifest'

export const isSqlite = (payload: Payload) => payload.db.name === 'sqlite'

export async function snapshotDatabase(payload: Payload, destination: string): Promise<void> {
  const db = payload.db as unknown as SQLiteAdapter
  await db.client.execute({ sql: 'VACUUM INTO ?', args: [destination] })
}

/** Uploads are stored below the media collection's folder (proofs in media/proofs). */
export const mediaRoot = (payload: Payload): string => payload.collections.media.config.upload.staticDir!

const snake = (slug: string) => slug.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()

export type SnapshotFacts = {
  migrations: string[]
  collections: Record<string, CollectionCounts>
  /** Upload files the documents name, relative to the media root. */
  uploadFiles: string[]
}

/** What a snapshot holds, read from the snapshot file itself, so it matches the archive exactly. */
export async function describeSnapshot(payload: Payload, file: string): Promise<SnapshotFacts> {
  const adapter = payload.db as unknown as SQLiteAdapter
  const client = createClient({ url: `file:${file}` })
  try {
    const tableOf = (name: string) => adapter.tableNameMap.get(name) ?? name
    const rows = async (sql: string) => (await client.execute(sql)).rows
    const migrations = (await rows(`SELECT name FROM payload_migrations WHERE batch > -1 ORDER BY id`)).map((r) => String(r.name))

    const collections: Record<string, CollectionCounts> = {}
    const uploadFiles: string[] = []
    const root = mediaRoot(payload)
    for (const { config } of Object.values(payload.collections)) {
      const table = tableOf(snake(config.slug))
      const ids = (await rows(`SELECT id FROM "${table}" ORDER BY id`)).map((r) => String(r.id))
      const counts: CollectionCounts = { documents: ids.length, idsSha256: sha256Text(ids.join('\n')) }
      if (config.versions) {
        const versions = await rows(`SELECT count(*) AS n FROM "${tableOf(`_${snake(config.slug)}${adapter.versionsSuffix}`)}"`)
        counts.versions = Number(versions[0].n)
      }
      collections[config.slug] = counts

      if (config.upload?.staticDir) {
        const folder = path.relative(root, config.upload.staticDir)
        const columns = (await rows(`PRAGMA table_info("${table}")`)).map((r) => String(r.name)).filter((c) => c === 'filename' || c.endsWith('_filename'))
        for (const column of columns) {
          for (const r of await rows(`SELECT "${column}" AS f FROM "${table}" WHERE "${column}" IS NOT NULL`)) {
            uploadFiles.push(path.posix.join(folder.split(path.sep).join('/'), String(r.f)))
          }
        }
      }
    }
    return { migrations, collections, uploadFiles }
  } finally {
    client.close()
  }
}
