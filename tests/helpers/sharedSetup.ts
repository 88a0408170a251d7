// vitest globalSetup: one shared folder for the run (see shared.ts), removed when the run ends.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sharedDirVariable } from './shared'

export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-shared-'))
  process.env[sharedDirVariable] = dir
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
