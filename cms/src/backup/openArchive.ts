// Unpacks an archive into a fresh folder and checks it against its manifest: every file present,
// of the right size and SHA-256, nothing extra. Anything else is refused with a Chinese reason.
import fs from 'node:fs'
import path from 'node:path'

import * as tar from 'tar'

import { listFiles } from './createBackup'
import { BackupError } from './errors'
import { sha256File } from './hash'
import { type Manifest, manifestEntry, parseManifest } from './manifest'

export async function openArchive(archive: string, into: string): Promise<Manifest> {
  if (!fs.existsSync(archive) || !fs.statSync(archive).isFile()) throw new BackupError(`找不到备份文件：${archive}`)
  fs.mkdirSync(into, { recursive: true })
  try {
    await tar.extract({
      file: archive,
      cwd: into,
      strict: true,
      // Only plain files and folders: a link in an archive could point anywhere on the server.
      filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
    })
  } catch (error) {
    throw new BackupError(`备份文件已损坏或不完整（可能在复制或下载时被截断），无法解包：${(error as Error).message}`)
  }
  const manifestFile = path.join(into, manifestEntry)
  if (!fs.existsSync(manifestFile)) throw new BackupError('这不是六善平台的备份文件（缺少清单 manifest.json）。')
  const manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'))

  const listed = new Set(manifest.files.map((f) => f.path))
  const extra = listFiles(into).filter((f) => f !== manifestEntry && !listed.has(f))
  if (extra.length) throw new BackupError(`备份文件中有清单未列出的文件（${extra.slice(0, 3).join('、')}），可能已被改动，拒绝使用。`)
  for (const entry of manifest.files) {
    const file = path.join(into, entry.path)
    if (!fs.existsSync(file)) throw new BackupError(`备份文件不完整：缺少 ${entry.path}。`)
    if (fs.statSync(file).size !== entry.size || (await sha256File(file)) !== entry.sha256) {
      throw new BackupError(`备份文件已损坏：${entry.path} 的校验值与清单不符。`)
    }
  }
  return manifest
}
