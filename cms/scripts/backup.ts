// `npm run backup`: one archive of the database and media in BACKUP_DIR, taken while the CMS runs.
// `npm run backup -- --verify <archive>`: restore it into a temporary folder and check it.
import { getPayload } from 'payload'

import { BackupError } from '../src/backup/errors'
import { runBackup } from '../src/backup/job'
import { backupSettings } from '../src/backup/settings'
import { verifyArchive } from '../src/backup/verify'
import { isMongoUrl, migrations } from '../src/database'
import config from '../src/payload.config'
import { fail, say, userPath } from './cli'

const args = process.argv.slice(2)

if (isMongoUrl(process.env.DATABASE_URL)) {
  console.error('[备份] 当前使用 MongoDB（DATABASE_URL）。npm run backup 只备份内置的 SQLite 数据库，不备份 MongoDB；请按 README“备份与恢复”一节用 mongodump 备份，并另行备份媒体文件夹。')
  process.exit(2)
}

try {
  if (args[0] === '--verify') {
    if (!args[1]) throw new Error('用法：npm run backup -- --verify <备份文件>')
    const archive = userPath(String(args[1]))
    say(`校验 ${archive}`)
    const { manifest, checked } = await verifyArchive(archive, { config: await config, migrations, progress: say })
    say(`校验通过：${manifest.files.length} 个文件的校验值一致；已在临时副本上启动系统，各集合数量一致：${checked.join('，')}。`)
  } else {
    const settings = backupSettings()
    // No onInit: a backup must not migrate or rebuild anything of the running system.
    const payload = await getPayload({ config, disableOnInit: true })
    const run = await runBackup(payload, { now: new Date(), trigger: '手动备份', settings, progress: say })
    await payload.destroy()
    if (run.error) throw new BackupError(`备份失败：${run.error}`)
    say(`完成：${run.archive}（${(run.size! / 1024 / 1024).toFixed(1)} MB）`)
    say(`检查这份备份能否恢复：npm run backup -- --verify ${run.archive}`)
  }
  process.exit(0)
} catch (error) {
  fail(error)
}
