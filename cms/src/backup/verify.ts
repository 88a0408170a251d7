// `npm run backup -- --verify <archive>`: a backup nobody has restored is not a backup. Restores
// into a temporary folder, starts Payload on that copy (running the migrations, as a real restore
// would) and compares what Payload finds with the manifest.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Migration, type SanitizedConfig } from 'payload'

import { databaseAdapter } from '../database'
import { BackupError } from './errors'
import { databaseEntry, type Manifest } from './manifest'
import { openArchive } from './openArchive'
import { assertKnownMigrations } from './restore'
import { describeSnapshot } from './snapshot'

export type VerifyResult = { manifest: Manifest; checked: string[] }

export async function verifyArchive(
  archive: string,
  options: { config: SanitizedConfig; migrations: Migration[]; progress?: (message: string) => void },
): Promise<VerifyResult> {
  const say = options.progress ?? (() => {})
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-verify-'))
  try {
    say('1/3 解包到临时文件夹并核对校验值…')
    const manifest = await openArchive(archive, dir)
    assertKnownMigrations(manifest, options.migrations.map((m) => m.name))

    say('2/3 在临时副本上启动内容管理系统并执行迁移…')
    const db = databaseAdapter(`file:${path.join(dir, databaseEntry)}`) as SanitizedConfig['db']
    const config: SanitizedConfig = { ...options.config, db }
    const payload = await getPayload({ config, key: `liushan-verify-${process.pid}-${Date.now()}`, disableOnInit: true })
    const problems: string[] = []
    const checked: string[] = []
    try {
      await payload.db.migrate({ migrations: options.migrations })
      say('3/3 逐项核对文档数量与编号…')
      const facts = await describeSnapshot(payload, path.join(dir, databaseEntry))
      for (const [slug, expected] of Object.entries(manifest.collections)) {
        const collection = payload.collections[slug as keyof typeof payload.collections]
        if (!collection) {
          problems.push(`集合 ${slug} 在本程序中不存在`)
          continue
        }
        const { totalDocs } = await payload.count({ collection: slug as never, overrideAccess: true })
        if (totalDocs !== expected.documents) problems.push(`${slug}：清单 ${expected.documents} 条，恢复后 ${totalDocs} 条`)
        if (facts.collections[slug]?.idsSha256 !== expected.idsSha256) problems.push(`${slug}：文档编号与清单不一致`)
        if (expected.versions !== undefined) {
          const versions = await payload.countVersions({ collection: slug as never, overrideAccess: true })
          if (versions.totalDocs !== expected.versions) problems.push(`${slug} 历史版本：清单 ${expected.versions} 条，恢复后 ${versions.totalDocs} 条`)
        }
        checked.push(`${slug} ${expected.documents}${expected.versions !== undefined ? `（历史版本 ${expected.versions}）` : ''}`)
      }
      const present = new Set(manifest.files.map((f) => f.path))
      const missing = facts.uploadFiles.filter((f) => !present.has(`media/${f}`) && !manifest.missingFiles.includes(f))
      if (missing.length) problems.push(`文档引用的文件不在备份中：${missing.slice(0, 5).join('、')}`)
    } finally {
      await payload.destroy()
    }
    if (problems.length) throw new BackupError(`备份校验未通过：${problems.join('；')}`)
    return { manifest, checked }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
