// manifest.json, the first entry of every archive: what the archive holds and how to check it.
import { BackupError } from './errors'

export const manifestFormat = 'liushan-backup'
export const manifestVersion = 1
export const manifestEntry = 'manifest.json'
/** Archive layout: the database snapshot and the media folder (proofs are in media/proofs). */
export const databaseEntry = 'database/liushan.db'
export const mediaPrefix = 'media/'

export type CollectionCounts = {
  documents: number
  /** Rows in the versions table, for collections with versions (drafts, 审签 history). */
  versions?: number
  /** SHA-256 of the sorted document ids, one per line: the same documents, not just as many. */
  idsSha256: string
}

export type ManifestFile = { path: string; size: number; sha256: string }

export type Manifest = {
  format: typeof manifestFormat
  version: typeof manifestVersion
  createdAt: string
  /** Migrations applied to the snapshot, oldest first; the last is its migration level. */
  migrations: string[]
  collections: Record<string, CollectionCounts>
  /** Upload files a document names that were not on disk when the backup was taken. */
  missingFiles: string[]
  files: ManifestFile[]
}

export const migrationLevel = (manifest: Pick<Manifest, 'migrations'>) => manifest.migrations.at(-1) ?? '（无）'

/** Refuses anything that is not a manifest this code can read, in words the operator understands. */
export function parseManifest(text: string): Manifest {
  let value: Partial<Manifest>
  try {
    value = JSON.parse(text) as Partial<Manifest>
  } catch {
    throw new BackupError('备份文件中的清单（manifest.json）已损坏，无法读取。')
  }
  if (value?.format !== manifestFormat) throw new BackupError('这不是六善平台的备份文件（清单格式不符）。')
  if (value.version !== manifestVersion) {
    throw new BackupError(`备份文件的格式版本为 ${String(value.version)}，本程序只能读取版本 ${manifestVersion}。请使用生成该备份的程序版本恢复。`)
  }
  if (!Array.isArray(value.files) || !Array.isArray(value.migrations) || typeof value.collections !== 'object') {
    throw new BackupError('备份文件中的清单不完整，无法使用。')
  }
  return value as Manifest
}
