// Every test file starts its own Payload on its own SQLite database; running the committed
// migrations into each of them cost every file the same seconds. The first file of a run keeps a
// copy of its freshly migrated database (VACUUM INTO, before any test data); later files start
// from a copy of that, on which Payload's migrate finds nothing left to do. The folder comes from
// the run's globalSetup (migratedTemplateSetup.ts); without it every file migrates its own.
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

export const templateDirVariable = 'LIUSHAN_TEST_TEMPLATE_DIR'

const templateFile = () => {
  const dir = process.env[templateDirVariable]
  return dir ? path.join(dir, 'migrated.db') : undefined
}

/** Puts the run's migrated database at `dbFile`, if there is one yet; true when it did. */
export function copyMigratedTemplate(dbFile: string): boolean {
  const template = templateFile()
  if (!template || !fs.existsSync(template)) return false
  fs.copyFileSync(template, dbFile)
  return true
}

/** Keeps `payload`'s just-migrated database as the run's template (written aside, then renamed into place). */
export async function keepMigratedTemplate(payload: Payload): Promise<void> {
  const template = templateFile()
  if (!template || fs.existsSync(template)) return
  const partial = `${template}.${process.pid}`
  const client = (payload.db as unknown as { client: { execute: (sql: { sql: string; args: string[] }) => Promise<unknown> } }).client
  await client.execute({ sql: 'VACUUM INTO ?', args: [partial] })
  fs.renameSync(partial, template)
}
