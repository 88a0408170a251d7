// `npm start` rebuilds the portal's templates at every start and skips the start-up full render
// only when the bundle's fingerprint is unchanged (startRender.test.ts). That holds only if two
// builds of the same templates are byte-identical, which Astro makes them only with a fixed
// ASTRO_KEY: the key start-all passes (cms/src/secret.ts). Real astro builds.
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { astroBuildKey } from '../../cms/src/secret'
import { bundleFingerprint } from '../../site/render/fingerprint'
import { buildBundle } from '../helpers/renderedSite'
import { tempDirs } from '../helpers/tempDirs'

const temps = tempDirs()
const temp = temps.make

afterAll(() => temps.removeAll())

// npm start builds into the same folder every time, and the bundle names its own absolute path.
const buildRoot = temp('key-build')
const buildDir = path.join(buildRoot, 'build')
let builds = 0

/** An astro build of the templates as npm start makes it (with `key`, or none), moved aside to be compared. */
async function build(key: string | undefined) {
  await buildBundle(buildDir, { SITE_CACHE_DIR: path.join(buildRoot, 'cache'), ...(key ? { ASTRO_KEY: key } : {}) })
  const kept = path.join(buildRoot, `build-${++builds}`)
  fs.renameSync(buildDir, kept)
  return kept
}

const fingerprint = (dir: string) => bundleFingerprint(dir, { SITE_URL: 'http://localhost:4321' })

describe('the key npm start builds the portal with', () => {
  it('is made once per installation and kept (readable by its owner only); ASTRO_KEY overrides it', () => {
    const dataDir = temp('data')
    const key = astroBuildKey({}, dataDir)
    expect(Buffer.from(key, 'base64')).toHaveLength(32)
    expect(astroBuildKey({}, dataDir)).toBe(key)
    expect(fs.statSync(path.join(dataDir, 'astro-key')).mode & 0o777).toBe(0o600)
    expect(astroBuildKey({ ASTRO_KEY: 'c2V0IGJ5IHRoZSBvcGVyYXRvcg==' }, dataDir)).toBe('c2V0IGJ5IHRoZSBvcGVyYXRvcg==')
  })

  it('makes two builds of unchanged templates the same bundle for the renderer; without it they differ', async () => {
    const key = astroBuildKey({}, temp('data'))
    const first = await build(key)
    const second = await build(key)
    expect(fingerprint(second)).toBe(fingerprint(first))
    // Without the key Astro puts a fresh random one into each build: the start would render everything again.
    const keyless = await build(undefined)
    expect(fingerprint(keyless)).not.toBe(fingerprint(first))
  }, 300_000)
})
