// How the last backup went, as a small JSON file in the backup folder (written whole and renamed,
// so readers never see half a file). Read by 站点状态, the dashboard warning and /api/health.
import fs from 'node:fs'
import path from 'node:path'

export type BackupAttempt = { at: string; ok: boolean; archive?: string; size?: number; durationMs?: number; error?: string; trigger: string }

export type BackupStatus = { last?: BackupAttempt; lastSuccess?: BackupAttempt }

const fileName = 'status.json'

export function readBackupStatus(dir: string): BackupStatus {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, fileName), 'utf8')) as BackupStatus
  } catch {
    return {}
  }
}

export function recordBackupAttempt(dir: string, attempt: BackupAttempt): BackupStatus {
  const status = { ...readBackupStatus(dir), last: attempt, ...(attempt.ok ? { lastSuccess: attempt } : {}) }
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, fileName)
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, `${JSON.stringify(status, null, 2)}\n`)
  fs.renameSync(temp, file)
  return status
}

/** Share of the disk holding `dir` (or its nearest existing parent) that is free, 0–1. */
export function freeDiskShare(dir: string): number | undefined {
  let probe = dir
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe)
  try {
    const s = fs.statfsSync(probe)
    return s.blocks ? s.bavail / s.blocks : undefined
  } catch {
    return undefined
  }
}
