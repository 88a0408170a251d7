import { describe, expect, it } from 'vitest'

import { backupWarnings, describeBackupStatus } from './describeStatus'
import { applyRetention } from './retention'
import { backupSettings } from './settings'
import { archiveName, parseArchiveName } from './store'

const day = 86400_000
const nightly = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const at = new Date(Date.parse(from) - i * day)
    return { name: archiveName(at), at }
  })

describe('retention: 7 daily, 4 weekly, 12 monthly (Beijing calendar)', () => {
  const rule = { daily: 7, weekly: 4, monthly: 12 }

  it('keeps the newest of each of the last 7 days, 4 ISO weeks and 12 months', () => {
    const now = new Date('2026-12-01T18:30:00Z') // 2026-12-02 02:30 in Beijing
    const archives = nightly('2026-12-01T18:00:00Z', 400)
    const { keep, prune } = applyRetention(archives, rule, now)
    const names = keep.map((a) => a.name)
    // The last seven nights.
    for (const a of archives.slice(0, 7)) expect(names).toContain(a.name)
    // Newest of each month, back twelve months: 2026-12 … 2026-01.
    expect(names).toContain('liushan-backup-20261130-020000.tar.gz')
    expect(names).toContain('liushan-backup-20260131-020000.tar.gz')
    expect(names).not.toContain('liushan-backup-20251231-020000.tar.gz')
    // The Sunday (end of ISO week) 2026-11-22 is a weekly keeper; the Saturday before it is not.
    expect(names).toContain('liushan-backup-20261122-020000.tar.gz')
    expect(names).not.toContain('liushan-backup-20261121-020000.tar.gz')
    expect(keep.length + prune.length).toBe(400)
    expect(keep.length).toBeLessThanOrEqual(7 + 4 + 12)
  })

  it('groups by the Beijing day: 23:30 UTC is already the next day in Beijing', () => {
    const a = { name: 'a', at: new Date('2026-12-01T15:00:00Z') } // 23:00 Beijing, 1 Dec
    const b = { name: 'b', at: new Date('2026-12-01T16:30:00Z') } // 00:30 Beijing, 2 Dec
    const { keep } = applyRetention([a, b], { daily: 2, weekly: 0, monthly: 0 }, new Date('2026-12-02T00:00:00Z'))
    expect(keep.map((x) => x.name)).toEqual(['b', 'a'])
  })

  it('is configurable through the environment', () => {
    expect(backupSettings({ BACKUP_KEEP_DAILY: '3', BACKUP_KEEP_WEEKLY: '0' }).retention).toEqual({ daily: 3, weekly: 0, monthly: 12 })
    expect(backupSettings({ BACKUP_KEEP_DAILY: 'many' }).retention.daily).toBe(7)
  })

  it('names archives by their Beijing time and reads the names back', () => {
    const at = new Date('2026-12-02T18:00:05Z')
    expect(archiveName(at)).toBe('liushan-backup-20261203-020005.tar.gz')
    expect(parseArchiveName(archiveName(at))).toEqual(at)
    expect(parseArchiveName('.partial-123-archive.tar.gz')).toBeUndefined()
  })
})

describe('backup warnings on the dashboard', () => {
  const now = new Date('2026-12-05T04:00:00Z')
  const good = { at: '2026-12-04T18:00:00Z', ok: true, size: 5 * 1024 * 1024, trigger: '定时备份' }

  it('says nothing is wrong after a recent good backup on a roomy disk', () => {
    expect(backupWarnings({ last: good, lastSuccess: good }, now, 0.5)).toEqual([])
    expect(describeBackupStatus({ last: good, lastSuccess: good }, now, 0.5)).toMatchObject({ tone: 'ok', headline: '最近备份 · 2026-12-05 02:00:00（5.0 MB） · 成功' })
  })

  it('warns when the last good backup is older than 48 hours, when one failed, and when the disk is under 10% free', () => {
    const old = { ...good, at: '2026-12-03T03:59:00Z' }
    const failed = { at: '2026-12-05T02:00:00Z', ok: false, error: '磁盘已满', trigger: '定时备份' }
    const codes = backupWarnings({ last: failed, lastSuccess: old }, now, 0.05).map((w) => w.code)
    expect(codes).toEqual(['backup-stale', 'backup-failed', 'disk-low'])
    const text = describeBackupStatus({ last: failed, lastSuccess: old }, now, 0.05)
    expect(text.tone).toBe('error')
    expect(text.details.join('')).toMatch(/已超过 48 小时.*磁盘已满.*5\.0%/)
    expect(backupWarnings({}, now, undefined).map((w) => w.code)).toEqual(['backup-missing'])
  })
})
