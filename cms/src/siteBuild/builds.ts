// The builds folder: one sub-folder per `astro build`, and `live`, a symlink to the one being
// served. A build is only ever written into a folder of its own; it goes live by replacing the
// link in one rename(2), so readers see the old build or the new one, never a mix, and a build
// that dies half-way changes nothing. No relative imports: plain-Node scripts import this file.
import fs from 'node:fs'
import path from 'node:path'

export const liveLinkName = 'live'

/** Build folders are named by their start time (UTC), so they sort by age: 20261124T203105123Z. */
const buildName = /^\d{8}T\d{9}Z$/

export const newBuildId = (now = new Date()): string => now.toISOString().replace(/[-:.]/g, '')

export const isBuildId = (name: string): boolean => buildName.test(name)

/** The folder name `live` points at, if there is a live build. */
export function liveBuildId(buildsDir: string): string | undefined {
  try {
    return path.basename(fs.readlinkSync(path.join(buildsDir, liveLinkName)))
  } catch {
    return undefined
  }
}

/** A finished build has its server entry and a home page; anything less must not go live. */
export function assertCompleteBuild(outDir: string): void {
  for (const file of ['server/entry.mjs', 'site/manifest.json']) {
    // The comment keeps Next's file tracing from taking this for a read of the whole project.
    if (!fs.existsSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ outDir, file))) throw new Error(`构建结果不完整：缺少 ${file}`)
  }
}

/**
 * Points `live` at `id` atomically: a new link under a temporary name, renamed over the old one.
 * The link is relative, so the builds folder can be moved or mounted elsewhere.
 */
export function publishBuild(buildsDir: string, id: string): void {
  const temp = path.join(buildsDir, `.${liveLinkName}-${id}`)
  fs.rmSync(temp, { force: true })
  fs.symlinkSync(id, temp, 'dir')
  fs.renameSync(temp, path.join(buildsDir, liveLinkName))
}

/**
 * Removes every build folder except those in `keep` (the live one and the one before it, which a
 * server may still be finishing requests from). Leftovers of failed or killed builds go here too.
 */
export async function removeOldBuilds(buildsDir: string, keep: (string | undefined)[]): Promise<string[]> {
  const removed: string[] = []
  for (const name of fs.readdirSync(buildsDir)) {
    if (!isBuildId(name) || keep.includes(name)) continue
    // Asynchronously: a 10k-news build is some 25,000 files, and this runs in the CMS server.
    await fs.promises.rm(path.join(buildsDir, name), { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}
