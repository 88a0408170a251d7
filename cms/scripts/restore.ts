// `npm run restore -- <archive>` (and `--dry-run`): put a backup back, after checking all of it.
import path from 'node:path'

import { getPayload } from 'payload'

import { BackupError } from '../src/backup/errors'
import { restoreArchive } from '../src/backup/restore'
import { mediaDir } from '../src/collections/media'
import { defaultSqlitePath, isMongoUrl, migrations } from '../src/database'
import config from '../src/payload.config'
import { fail, say, userPath } from './cli'

const args = process.argv.slice(2).map(String)
const dryRun = args.includes('--dry-run')
const archiveArg = args.find((a) => !a.startsWith('--'))

/** A running CMS keeps the database open: replacing it underneath would lose the server's writes. */
async function cmsAnswers(): Promise<string | undefined> {
  const url = (process.env.CMS_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, '')
  try {
    await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })
    return url
  } catch {
    return undefined
  }
}

if (isMongoUrl(process.env.DATABASE_URL)) {
  console.error('[备份] 当前使用 MongoDB（DATABASE_URL）。npm run restore 只恢复内置的 SQLite 数据库；MongoDB 请用 mongorestore（见 README“备份与恢复”）。')
  process.exit(2)
}

try {
  if (!archiveArg) throw new BackupError('用法：npm run restore -- <备份文件> [--dry-run]')
  const archive = userPath(archiveArg)
  const url = process.env.DATABASE_URL
  const dbFile = url?.startsWith('file:') ? path.resolve(url.slice('file:'.length)) : defaultSqlitePath
  if (!dryRun) {
    const running = await cmsAnswers()
    if (running) throw new BackupError(`内容管理系统正在运行（${running}）。请先停止 npm start，再恢复备份；什么都没有改动。`)
  }
  say(`${dryRun ? '只校验，不恢复' : '恢复'}：${archive}`)
  const result = await restoreArchive(archive, { dbFile, mediaDir }, { codeMigrations: migrations.map((m) => m.name), dryRun, progress: say })
  if (dryRun) {
    say('校验通过，未做任何改动。')
    process.exit(0)
  }
  for (const aside of result.movedAside) say(`原有数据已移到：${aside}`)
  say('执行数据库迁移…')
  const payload = await getPayload({ config, disableOnInit: true })
  await payload.db.migrate({ migrations })
  await payload.destroy()
  say('恢复完成。下次运行 npm start 时，系统启动后会自动重新生成整个门户网站。')
  process.exit(0)
} catch (error) {
  fail(error)
}
