import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { RetentionRule } from './retention'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** The repository root; BACKUP_DIR is relative to it, like the other data folders. */
export const repositoryRoot = path.resolve(dirname, '../../..')

export type BackupSettings = {
  /** Where archives (and status.json) live. */
  dir: string
  /** Cron for the daily backup (seconds field first), read in `timezone`. */
  schedule: string
  timezone: string
  retention: RetentionRule
}

const count = (value: string | undefined, fallback: number): number => {
  const n = Number(value)
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : fallback
}

export function backupSettings(env: Record<string, string | undefined> = process.env): BackupSettings {
  return {
    dir: path.resolve(repositoryRoot, env.BACKUP_DIR || 'backups'),
    schedule: env.BACKUP_SCHEDULE || '0 0 2 * * *',
    timezone: env.BACKUP_TIMEZONE || 'Asia/Shanghai',
    retention: {
      daily: count(env.BACKUP_KEEP_DAILY, 7),
      weekly: count(env.BACKUP_KEEP_WEEKLY, 4),
      monthly: count(env.BACKUP_KEEP_MONTHLY, 12),
    },
  }
}
