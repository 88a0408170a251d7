// Restores an archive over the configured database and media folder. The archive is checked in
// full first; the current database and media are moved aside (never deleted), so a restore can
// itself be undone by moving them back.
import fs from 'node:fs'
import path from 'node:path'

import { BackupError } from './errors'
import { databaseEntry, type Manifest, migrationLevel } from './manifest'
import { openArchive } from './openArchive'

export type RestoreTarget = { dbFile: string; mediaDir: string }

export type RestoreResult = { manifest: Manifest; movedAside: string[] }

/** Refuses an archive whose schema this code does not know: restoring it would lose data silently. */
export function assertKnownMigrations(manifest: Manifest, codeMigrations: string[]): void {
  const known = new Set(codeMigrations)
  const unknown = manifest.migrations.filter((name) => !known.has(name))
  if (unknown.length) {
    throw new BackupError(
      `备份来自更新版本的程序（迁移级别 ${migrationLevel(manifest)}，本程序最新为 ${codeMigrations.at(-1) ?? '（无）'}，未知迁移：${unknown.join('、')}）。请先升级程序，再恢复此备份。`,
    )
  }
}

function move(from: string, to: string) {
  try {
    fs.renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    fs.cpSync(from, to, { recursive: true })
    fs.rmSync(from, { recursive: true, force: true })
  }
}

const stampOf = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')

export async function restoreArchive(
  archive: string,
  target: RestoreTarget,
  options: { codeMigrations: string[]; dryRun?: boolean; now?: Date; progress?: (message: string) => void },
): Promise<RestoreResult> {
  const say = options.progress ?? (() => {})
  const parent = path.dirname(target.dbFile)
  fs.mkdirSync(parent, { recursive: true })
  const staging = path.join(parent, `.restore-${process.pid}`)
  fs.rmSync(staging, { recursive: true, force: true })
  try {
    say('1/3 解包并逐个核对校验值…')
    const manifest = await openArchive(archive, staging)
    assertKnownMigrations(manifest, options.codeMigrations)
    say(`备份完好：${manifest.files.length} 个文件，生成于 ${manifest.createdAt}，迁移级别 ${migrationLevel(manifest)}。`)
    if (options.dryRun) return { manifest, movedAside: [] }

    say('2/3 把当前数据库和媒体文件移到一旁（不删除）…')
    const suffix = `.before-restore-${stampOf(options.now ?? new Date())}`
    const movedAside: string[] = []
    for (const file of [target.dbFile, `${target.dbFile}-wal`, `${target.dbFile}-shm`, target.mediaDir]) {
      if (!fs.existsSync(file)) continue
      move(file, `${file}${suffix}`)
      movedAside.push(`${file}${suffix}`)
    }

    say('3/3 放入备份中的数据库和媒体文件…')
    move(path.join(staging, databaseEntry), target.dbFile)
    const media = path.join(staging, 'media')
    if (fs.existsSync(media)) move(media, target.mediaDir)
    else fs.mkdirSync(target.mediaDir, { recursive: true })
    return { manifest, movedAside }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
