// The portal as `npm start` runs it: the CMS renders it by itself (its SiteRenderer, holding the
// render lease) into an output folder (objects/ + manifest.json), and site/scripts/serve.ts
// serves that folder.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { type Manifest, MANIFEST_FILE, readManifest as readSiteManifest } from '../../site/render/manifest'
import { binDir, siteDir } from './paths'
import { serveRendered } from './renderedSite'

/** Server env that makes the CMS render the portal into `outDir`, at start in full if the templates changed or there is none yet (else it catches up), then per change. */
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

export type { Manifest }

export const readManifest = (outDir: string): Manifest | undefined => readSiteManifest(outDir)

/** Waits until a manifest written at or after `since` (ms) is in place. */
export async function waitForManifest(outDir: string, since: number, timeoutMs: number): Promise<Manifest> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const written = fs.statSync(path.join(outDir, MANIFEST_FILE), { throwIfNoEntry: false })?.mtimeMs
    const manifest = written !== undefined && written >= since ? readManifest(outDir) : undefined
    if (manifest) return manifest
    if (Date.now() > deadline) throw new Error(`no manifest in ${outDir} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** site/scripts/serve.ts on `port` (a free one by default), serving `outDir` (SITE_OUT) with the site/dist bundle. */
export const serveLiveSite = (outDir: string, extraEnv: Record<string, string> = {}, port?: number) =>
  serveRendered(outDir, path.join(siteDir, 'dist'), extraEnv, port)

/** Removes an output (or builds) folder. */
export const removeBuilds = (dir: string) => fs.rmSync(dir, { recursive: true, force: true })
