// Shared by the backup and restore commands (run with `payload run`, see package.json).
import path from 'node:path'

import { BackupError } from '../src/backup/errors'

/** npm runs workspace scripts in cms/; paths the operator typed are relative to where they typed them. */
export const userPath = (value: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), value)

export const say = (message: string) => console.log(`[备份] ${message}`)

/** Chinese reason and exit 1 for a refusal; anything unexpected also exits 1, with its stack. */
export function fail(error: unknown): never {
  if (error instanceof BackupError) console.error(`[备份] ${error.message}`)
  else console.error('[备份] 出现意外错误：', error)
  process.exit(1)
}
