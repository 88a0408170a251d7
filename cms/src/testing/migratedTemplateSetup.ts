// vitest globalSetup: the run's folder for the migrated template database (see migratedTemplate.ts).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { templateDirVariable } from './migratedTemplate'

export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-migrated-'))
  process.env[templateDirVariable] = dir
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
