import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Temporary folders of one test file (`liushan-<name>-…` in the OS's temp dir), removed together when it is done. */
export function tempDirs() {
  const dirs: string[] = []
  return {
    make(name: string): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `liushan-${name}-`))
      dirs.push(dir)
      return dir
    },
    removeAll() {
      for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
