// The daily backup, run by Payload's jobs runner in the server `npm start` starts: Payload queues
// one `backup` job at a time on the `backup` queue, due at the next scheduled time (Beijing time
// by default, whatever zone the server is in); when it runs, it backs up, prunes by the retention
// rule and records the result for 站点状态 and /api/health.
import fs from 'node:fs'

import { Cron } from 'croner'
import { getCurrentDate, type Payload, type TaskConfig } from 'payload'

import { createBackup } from './createBackup'
import { applyRetention } from './retention'
import { type BackupSettings, backupSettings } from './settings'
import { recordBackupAttempt } from './status'
import { listArchives } from './store'

export const backupQueue = 'backup'

export function nextBackupAt(settings: BackupSettings, from: Date): Date {
  const next = new Cron(settings.schedule, { timezone: settings.timezone }).nextRun(from)
  if (!next) throw new Error(`BACKUP_SCHEDULE "${settings.schedule}" never runs`)
  return next
}

export type BackupRun = { archive?: string; size?: number; pruned: string[]; error?: string }

/** One backup plus retention; never throws for a failed backup, it records and reports it. */
export async function runBackup(
  payload: Payload,
  options: { now: Date; trigger: string; settings?: BackupSettings; prune?: boolean; progress?: (message: string) => void },
): Promise<BackupRun> {
  const settings = options.settings ?? backupSettings()
  const started = Date.now()
  try {
    const result = await createBackup(payload, { dir: settings.dir, now: options.now, progress: options.progress })
    recordBackupAttempt(settings.dir, {
      at: options.now.toISOString(),
      ok: true,
      archive: result.file.split('/').at(-1),
      size: result.size,
      durationMs: Date.now() - started,
      trigger: options.trigger,
    })
    const pruned: string[] = []
    if (options.prune) {
      for (const old of applyRetention(listArchives(settings.dir), settings.retention, options.now).prune) {
        fs.rmSync(old.file, { force: true })
        pruned.push(old.name)
      }
    }
    return { archive: result.file, size: result.size, pruned }
  } catch (error) {
    const message = (error as Error).message
    recordBackupAttempt(settings.dir, { at: options.now.toISOString(), ok: false, error: message, durationMs: Date.now() - started, trigger: options.trigger })
    return { pruned: [], error: message }
  }
}

/** The cron is fixed when the config loads; everything else is read from the environment at each run. */
export function backupTask(schedule = backupSettings().schedule): TaskConfig {
  return {
    slug: 'backup',
    label: '每日备份',
    retries: 1,
    schedule: [
      {
        cron: schedule,
        queue: backupQueue,
        hooks: {
          // Payload reads the cron in the server's zone; the court's day is Beijing time.
          beforeSchedule: async (args) => {
            const decided = await args.defaultBeforeSchedule(args)
            return { ...decided, waitUntil: nextBackupAt({ ...backupSettings(), schedule }, getCurrentDate()) }
          },
        },
      },
    ],
    handler: async ({ req }) => {
      const run = await runBackup(req.payload, { now: getCurrentDate(), trigger: '定时备份', prune: true })
      if (run.error) throw new Error(run.error)
      req.payload.logger.info(`[备份] 完成：${run.archive}${run.pruned.length ? `；按保留规则删除 ${run.pruned.join('、')}` : ''}`)
      return { output: {} }
    },
  }
}
