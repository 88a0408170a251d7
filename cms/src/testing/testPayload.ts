import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, SanitizedConfig } from 'payload'

import { copyMigratedTemplate, keepMigratedTemplate } from './migratedTemplate'

export type TestPayload = { payload: Payload; config: SanitizedConfig; dir: string; close: () => Promise<void> }

/**
 * A real Payload on a real SQLite database in a fresh temp dir, with uploads in that dir too.
 * Env is set before the config is imported because the config reads it at load time.
 */
export async function startTestPayload(options: { databaseUrl?: string } = {}): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-test-'))
  const dbFile = path.join(dir, 'test.db')
  // A database of its own, started from the run's migrated template when there is one.
  const fromTemplate = !options.databaseUrl && copyMigratedTemplate(dbFile)
  process.env.DATABASE_URL = options.databaseUrl ?? `file:${dbFile}`
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET ??= 'test-secret-not-for-production'
  process.env.PAYLOAD_LOG_LEVEL ??= 'fatal'
  const { default: configPromise } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const config = await configPromise
  const payload = await getPayload({ config })
  if (!options.databaseUrl && !fromTemplate) await keepMigratedTemplate(payload)
  return {
    payload,
    config,
    dir,
    close: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
