// What 站点状态 and /api/health say about backups, from status.json and the disk.
import { formatTimestamp as beijingTime } from '../dates'
import type { BackupStatus } from './status'

export const staleAfterHours = 48
export const lowDiskShare = 0.1

export type BackupWarning = { code: 'backup-missing' | 'backup-stale' | 'backup-failed' | 'disk-low'; message: string }

const size = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

export function backupWarnings(status: BackupStatus, now: Date, freeShare: number | undefined): BackupWarning[] {
  const warnings: BackupWarning[] = []
  const good = status.lastSuccess
  if (!good) warnings.push({ code: 'backup-missing', message: '还没有成功的备份。请运行 npm run backup，或等待每日定时备份。' })
  else if (now.getTime() - Date.parse(good.at) > staleAfterHours * 3600_000) {
    warnings.push({ code: 'backup-stale', message: `最近一次成功备份是 ${beijingTime(good.at)}，已超过 ${staleAfterHours} 小时。` })
  }
  if (status.last && !status.last.ok) warnings.push({ code: 'backup-failed', message: `${beijingTime(status.last.at)} 的备份失败：${status.last.error ?? '未知原因'}` })
  if (freeShare !== undefined && freeShare < lowDiskShare) {
    warnings.push({ code: 'disk-low', message: `存放备份的磁盘只剩 ${(freeShare * 100).toFixed(1)}% 可用空间（低于 ${lowDiskShare * 100}%）。` })
  }
  return warnings
}

export type BackupStatusText = { tone: 'ok' | 'error'; headline: string; details: string[] }

export function describeBackupStatus(status: BackupStatus, now: Date, freeShare: number | undefined): BackupStatusText {
  const warnings = backupWarnings(status, now, freeShare)
  const good = status.lastSuccess
  const headline = good
    ? `最近备份 · ${beijingTime(good.at)}${good.size ? `（${size(good.size)}）` : ''} · ${status.last?.ok === false ? '最近一次失败' : '成功'}`
    : '尚无备份'
  return { tone: warnings.length ? 'error' : 'ok', headline, details: warnings.map((w) => w.message) }
}
