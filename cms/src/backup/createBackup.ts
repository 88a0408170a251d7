// One backup: database snapshot, then a copy of the media folder, then the manifest, packed into
// a tar.gz written under a dot-name and renamed to its final name only once it is complete.
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import * as tar from 'tar'

import { BackupError } from './errors'
import { sha256File } from './hash'
import { databaseEntry, type Manifest, manifestEntry, manifestFormat, manifestVersion, type ManifestFile } from './manifest'
import { describeSnapshot, isSqlite, mediaRoot, snapshotDatabase } from './snapshot'
import { freeArchivePath, partialPath, removeAbandonedPartials } from './store'

export type Progress = (message: string) => void

export type BackupResult = { file: string; size: number; manifest: Manifest }

/** Every file below `dir`, as posix paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

export async function createBackup(payload: Payload, options: { dir: string; now?: Date; progress?: Progress }): Promise<BackupResult> {
  if (!isSqlite(payload)) {
    throw new BackupError('npm run backup 只备份内置的 SQLite 数据库；当前使用 MongoDB，请按 README“备份与恢复”一节用 mongodump 备份数据库并另行备份媒体文件夹。')
  }
  const say = options.progress ?? (() => {})
  const now = options.now ?? new Date()
  fs.mkdirSync(options.dir, { recursive: true })
  for (const name of removeAbandonedPartials(options.dir)) say(`清理上次中断的备份残留：${name}`)

  const staging = partialPath(options.dir, 'staging')
  const partialArchive = partialPath(options.dir, 'archive.tar.gz')
  fs.rmSync(staging, { recursive: true, force: true })
  try {
    const dbFile = path.join(staging, databaseEntry)
    fs.mkdirSync(path.dirname(dbFile), { recursive: true })
    say('1/4 生成数据库快照（VACUUM INTO，不影响正在进行的编辑）…')
    await snapshotDatabase(payload, dbFile)
    const facts = await describeSnapshot(payload, dbFile)

    // After the snapshot, so every upload the snapshot names has already been written.
    say('2/4 复制媒体文件（图片、刊用证明）…')
    const source = mediaRoot(payload)
    const stagedMedia = path.join(staging, 'media')
    for (const relative of listFiles(source)) {
      const target = path.join(stagedMedia, relative)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      try {
        fs.copyFileSync(path.join(source, relative), target, fs.constants.COPYFILE_FICLONE)
      } catch (error) {
        // Deleted between listing and copying: it is no longer part of the site.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }

    say('3/4 计算校验值，写入清单…')
    const files: ManifestFile[] = []
    for (const relative of [databaseEntry, ...listFiles(stagedMedia).map((f) => `media/${f}`)]) {
      const file = path.join(staging, relative)
      files.push({ path: relative, size: fs.statSync(file).size, sha256: await sha256File(file) })
    }
    const present = new Set(files.map((f) => f.path))
    const missingFiles = facts.uploadFiles.filter((f) => !present.has(`media/${f}`))
    for (const f of missingFiles) say(`注意：文档引用的文件 ${f} 不在媒体文件夹中，备份中也没有。`)
    const manifest: Manifest = {
      format: manifestFormat,
      version: manifestVersion,
      createdAt: now.toISOString(),
      migrations: facts.migrations,
      collections: facts.collections,
      missingFiles,
      files,
    }
    fs.writeFileSync(path.join(staging, manifestEntry), `${JSON.stringify(manifest, null, 2)}\n`)

    say('4/4 打包…')
    const entries = [manifestEntry, ...files.map((f) => f.path)]
    await tar.create({ gzip: true, cwd: staging, file: partialArchive, portable: true, noDirRecurse: true }, entries)
    const handle = fs.openSync(partialArchive, 'r')
    fs.fsyncSync(handle)
    fs.closeSync(handle)
    const file = freeArchivePath(options.dir, now)
    fs.renameSync(partialArchive, file)
    return { file, size: fs.statSync(file).size, manifest }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
    fs.rmSync(partialArchive, { force: true })
  }
}
