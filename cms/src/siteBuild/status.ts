// The builder's state as a small JSON file beside the builds, so the admin (and `npm start`, and
// the tests) can read it without a schema change. Written whole to a temp file and renamed over
// the old one, so a reader never sees half a file. No relative imports: scripts/start-all.ts
// (plain Node, type stripping) imports this file directly.
import fs from 'node:fs'
import path from 'node:path'

export type SiteBuildState = 'idle' | 'building' | 'failed'

export type SiteBuildStatus = {
  state: SiteBuildState
  /** Changes are waiting for a build (debouncing, or arrived during the running build). */
  pending: boolean
  /** The running build: its folder, when it started, and its process group (tests kill it to prove a killed build is harmless). */
  buildId?: string
  startedAt?: string
  pid?: number
  /** The last build that went live: when, how long it took, and its folder name. */
  lastSuccessAt?: string
  durationMs?: number
  liveBuild?: string
  /** The last failure, with a short reason, and when it will be tried again (absent: no more retries). */
  lastFailureAt?: string
  lastError?: string
  failures?: number
  nextRetryAt?: string
  updatedAt: string
}

export const statusFileName = 'status.json'

export function readSiteBuildStatus(buildsDir: string): SiteBuildStatus | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(buildsDir, statusFileName), 'utf8')) as SiteBuildStatus
  } catch {
    return undefined
  }
}

export function writeSiteBuildStatus(buildsDir: string, status: SiteBuildStatus): void {
  fs.mkdirSync(buildsDir, { recursive: true })
  const file = path.join(buildsDir, statusFileName)
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, `${JSON.stringify(status, null, 2)}\n`)
  fs.renameSync(temp, file)
}
