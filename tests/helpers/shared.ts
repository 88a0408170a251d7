// What several test files need and none of them changes: the seeded demo database (each file
// starts its CMS on a copy) and the portal's `astro build`. Each is made once per `vitest run`, by
// the first file that asks, in the folder tests/helpers/sharedSetup.ts (vitest's globalSetup)
// names and removes at the end. Files run one at a time (fileParallelism: false), so the first
// asker has finished making it before the next file starts.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const sharedDirVariable = 'LIUSHAN_TEST_SHARED'

let fallback: string | undefined

/** The run's shared folder (outside vitest, one per process, left in the temp dir). */
export function sharedDir(): string {
  const dir = process.env[sharedDirVariable]
  if (dir) return dir
  fallback ??= fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-shared-'))
  return fallback
}

/**
 * The folder `name` in the shared folder, made by `make` the first time it is asked for. A folder
 * without its completion mark (a run that failed half-way) is made again.
 */
export async function sharedOnce(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(sharedDir(), name)
  const done = path.join(sharedDir(), `${name}.done`)
  if (fs.existsSync(done)) return dir
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  await make(dir)
  fs.writeFileSync(done, '')
  return dir
}
