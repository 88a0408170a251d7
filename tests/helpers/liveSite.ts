// The portal as `npm start` runs it: the CMS renders it by itself (its SiteRenderer, holding the
// render lease) into an output folder (objects/ + manifest.json), and site/scripts/serve.ts
// serves that folder.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { binDir, siteDir } from './paths'
import type { RunningSite } from './portal'
import { freePort, waitForHttp } from './server'

/** Server env that makes the CMS render the portal into `outDir`, in full at start, then per change. */
export const renderEnv = (outDir: string, extra: Record<string, string> = {}): Record<string, string> => ({
  SITE_RENDER: 'on',
  SITE_DIR: siteDir,
  SITE_OUT: outDir,
  SITE_RENDER_FULL_AT_START: '1',
  ...extra,
})

/** The site's server bundle (site/dist, `astro build`), which the render worker renders pages with. */
export function ensureSiteBundle(): void {
  if (fs.existsSync(path.join(siteDir, 'dist/server/entry.mjs'))) return
  const build = spawnSync(path.join(binDir, 'astro'), ['build'], {
    cwd: siteDir,
    env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 2, 2],
  })
  if (build.status !== 0) throw new Error('astro build of site/ failed')
}

export type Manifest = { version: number; pages: Record<string, { object: string; type: string }> }

export function readManifest(outDir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    return undefined
  }
}

/** Waits until a manifest written at or after `since` (ms) is in place. */
export async function waitForManifest(outDir: string, since: number, timeoutMs: number): Promise<Manifest> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const written = fs.statSync(path.join(outDir, 'manifest.json'), { throwIfNoEntry: false })?.mtimeMs
    const manifest = written !== undefined && written >= since ? readManifest(outDir) : undefined
    if (manifest) return manifest
    if (Date.now() > deadline) throw new Error(`no manifest in ${outDir} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** site/scripts/serve.ts on `port` (a free one by default), serving `outDir` (SITE_OUT) with the site/dist bundle. */
export async function serveLiveSite(outDir: string, extraEnv: Record<string, string> = {}, port?: number): Promise<RunningSite & { output: () => string }> {
  port ??= await freePort()
  let log = ''
  const child = spawn(process.execPath, [path.join(siteDir, 'scripts/serve.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SITE_OUT: outDir, ...extraEnv },
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

/** Removes an output (or builds) folder. */
export const removeBuilds = (dir: string) => fs.rmSync(dir, { recursive: true, force: true })
