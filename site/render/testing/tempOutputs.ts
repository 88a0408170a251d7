import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach } from 'vitest'

import { Output } from '../output.ts'

/**
 * Temp output folders for a test file, and Outputs opened on them: each test's are closed and
 * removed after it.
 */
export function tempOutputs(prefix: string) {
  const dirs: string[] = []
  const outputs: Output[] = []
  afterEach(async () => {
    for (const output of outputs.splice(0)) await output.close()
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })
  const outputDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `liushan-${prefix}-`))
    dirs.push(dir)
    return dir
  }
  const open = (dir: string) => {
    const output = new Output(dir)
    outputs.push(output)
    return output
  }
  return { outputDir, open }
}
