// The portal as `npm start` runs it: the CMS builds it by itself (SITE_AUTO_BUILD) into a builds
// folder, and site/scripts/serve.ts serves whatever build is live.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { liveBuildId } from '../../cms/src/siteBuild/builds'
import { readSiteBuildStatus, type SiteBuildStatus } from '../../cms/src/siteBuild/status'
import { siteDir } from './paths'
import type { RunningSite } from './portal'
import { freePort, waitForHttp } from './server'

/** Server env that makes the CMS rebuild the portal into `buildsDir` after every public change. */
export const autoBuildEnv = (buildsDir: string, extra: Record<string, string> = {}): Record<string, string> => ({
  SITE_AUTO_BUILD: '1',
  SITE_DIR: siteDir,
  SITE_BUILDS_DIR: buildsDir,
  ...extra,
})

export const buildStatus = (buildsDir: string): SiteBuildStatus | undefined => readSiteBuildStatus(buildsDir)
export const liveBuild = (buildsDir: string): string | undefined => liveBuildId(buildsDir)
/** A file of the live build's public folder (client/). */
export const liveFile = (buildsDir: string, file: string) => path.join(buildsDir, 'live', 'client', file)

/** Polls the builder's status file until `ready` holds. */
export async function waitForBuildStatus(
  buildsDir: string,
  ready: (status: SiteBuildStatus) => boolean,
  timeoutMs: number,
): Promise<SiteBuildStatus> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = readSiteBuildStatus(buildsDir)
    if (status && ready(status)) return status
    if (Date.now() > deadline) throw new Error(`build status not reached within ${timeoutMs} ms: ${JSON.stringify(status)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** site/scripts/serve.ts on `port` (a free one by default), following `buildsDir/live`. */
export async function serveLiveSite(buildsDir: string, extraEnv: Record<string, string> = {}, port?: number): Promise<RunningSite & { output: () => string }> {
  port ??= await freePort()
  let log = ''
  const child = spawn(process.execPath, [path.join(siteDir, 'scripts/serve.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SITE_BUILDS_DIR: buildsDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${url}/`, 60_000, child)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n${log}`)
  }
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

/** Removes a builds folder (the live link, every build and the builder's cache). */
export const removeBuilds = (buildsDir: string) => fs.rmSync(buildsDir, { recursive: true, force: true })
