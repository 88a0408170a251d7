// The backup folder: finished archives under their final names, work in progress under names
// that start with a dot (so a backup killed midway leaves nothing that looks like a backup), and
// status.json saying how the last backup went.
import fs from 'node:fs'
import path from 'node:path'

const beijingOffsetMs = 8 * 3600_000
const finalName = /^liushan-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.tar\.gz$/
export const partialPrefix = '.partial-'

export type StoredArchive = { name: string; file: string; at: Date; size: number }

/** liushan-backup-20261201-020000.tar.gz: the Beijing date and time it was taken. */
export function archiveName(at: Date, attempt = 0): string {
  const t = new Date(at.getTime() + beijingOffsetMs).toISOString()
  const stamp = `${t.slice(0, 10).replaceAll('-', '')}-${t.slice(11, 19).replaceAll(':', '')}`
  return `liushan-backup-${stamp}${attempt ? `-${attempt + 1}` : ''}.tar.gz`
}

export function parseArchiveName(name: string): Date | undefined {
  const m = finalName.exec(name)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - beijingOffsetMs)
}

export function listArchives(dir: string): StoredArchive[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const at = parseArchiveName(name)
      if (!at) return []
      const file = path.join(dir, name)
      return [{ name, file, at, size: fs.statSync(file).size }]
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** A free final name for a backup taken at `at` (two backups in the same second get -2, -3…). */
export function freeArchivePath(dir: string, at: Date): string {
  for (let attempt = 0; ; attempt++) {
    const file = path.join(dir, archiveName(at, attempt))
    if (!fs.existsSync(file)) return file
  }
}

/** Work folder/file names carry the pid of the process writing them. */
export const partialPath = (dir: string, label: string) => path.join(dir, `${partialPrefix}${process.pid}-${label}`)

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes what killed backups left behind (their process is gone); running backups are left alone. */
export function removeAbandonedPartials(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  const removed: string[] = []
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(partialPrefix)) continue
    const pid = Number(name.slice(partialPrefix.length).split('-')[0])
    if (pid === process.pid || (pid && alive(pid))) continue
    fs.rmSync(path.join(dir, name), { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}
