// The sharded manifest on disk: a change writes only the shards its pages fall in and a new root;
// readers get every page back; a prune keeps what the live and the previous root name; a
// manifest.json of the old format (every page in one file) is read, and replaced on the next write.
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { type Manifest, MANIFEST_FILE, ManifestCache, ManifestWriter, lookup, readManifest, SHARDS_DIR, shardOf } from './manifest.ts'
import { tempOutputs } from './testing/tempOutputs.ts'

const HTML = 'text/html; charset=utf-8'
const { outputDir, open } = tempOutputs('manifest')

/** `count` news pages and a home page, each object named after its URL and `round`. */
function site(count: number, round = 0): Manifest['pages'] {
  const pages: Manifest['pages'] = { '/': { object: `home-${round}.html`, type: HTML } }
  for (let n = 0; n < count; n++) pages[`/news/${n}/`] = { object: `news-${n}-${round}.html`, type: HTML }
  return pages
}
const shardFiles = (dir: string) => new Set(fs.readdirSync(path.join(dir, SHARDS_DIR)))
const root = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'))

describe('the sharded manifest', () => {
  it('a change rewrites only the shards of the pages it changed, and reads back whole', () => {
    const dir = outputDir()
    const writer = new ManifestWriter(dir)
    const pages = site(5000)
    const full = writer.write({ version: 1, pages })
    const shards: string[] = root(dir).shards
    expect(shards.length).toBeGreaterThanOrEqual(64)
    expect(full.shards).toBe(shards.length)
    const before = shardFiles(dir)

    // A publish: its page added, the home page and two neighbours re-rendered, one page withdrawn.
    const changed = ['/news/new/', '/', '/news/10/', '/news/11/', '/news/4000/']
    pages['/news/new/'] = { object: 'new.html', type: HTML }
    for (const url of ['/', '/news/10/', '/news/11/']) pages[url] = { object: `${url}-again.html`, type: HTML }
    delete pages['/news/4000/']
    const change = writer.write({ version: 2, pages }, changed)

    const touched = new Set(changed.map((url) => shardOf(url, shards.length)))
    const added = [...shardFiles(dir)].filter((file) => !before.has(file))
    expect(added.length).toBe(touched.size)
    expect(change.shards).toBe(touched.size)
    const next: string[] = root(dir).shards
    expect(next.filter((file, at) => file !== shards[at]).length).toBe(touched.size)
    const addedBytes = added.reduce((sum, file) => sum + fs.statSync(path.join(dir, SHARDS_DIR, file)).size, 0)
    expect(change.bytes).toBe(addedBytes + fs.statSync(path.join(dir, MANIFEST_FILE)).size)
    // A few percent of the whole, which a single manifest.json rewrote every time.
    expect(change.bytes * 10).toBeLessThan(JSON.stringify({ version: 2, pages }).length)

    expect(readManifest(dir)).toEqual({ version: 2, pages })
    // The same pages written afresh make the same shards.
    const fresh = outputDir()
    new ManifestWriter(fresh).write({ version: 2, pages })
    expect(root(fresh).shards).toEqual(next)
  })

  it('carries on from the live version after a restart, rewriting only what changes', () => {
    const dir = outputDir()
    const pages = site(1000)
    new ManifestWriter(dir).write({ version: 1, pages })
    const reopened = new ManifestWriter(dir)
    expect(reopened.read()).toEqual({ version: 1, pages: readManifest(dir)!.pages })
    pages['/news/3/'] = { object: 'changed.html', type: HTML }
    expect(reopened.write({ version: 2, pages }, ['/news/3/']).shards).toBe(1)
    expect(readManifest(dir)!.pages['/news/3/'].object).toBe('changed.html')
  })

  it('a prune keeps the shards and objects of the live and the previous root, and removes older ones', () => {
    const dir = outputDir()
    const output = open(dir)
    const deps = (version: number) => ({ full: { version, pages: {}, views: {}, docs: {} } })
    const frame = (version: number) => ({ version, collections: {}, globals: {} })
    const versions: Manifest[] = []
    for (let round = 0; round < 3; round++) {
      const pages = site(300, round)
      for (const { object } of Object.values(pages)) fs.writeFileSync(path.join(output.objectsDir, object), object)
      versions.push({ version: round + 1, pages })
      output.publish(versions[round], deps(round + 1), frame(round + 1))
    }
    const liveShards = new Set<string>(root(dir).shards)
    const removed = output.prune()
    expect(removed).toBeGreaterThan(0)
    const left = shardFiles(dir)
    for (const file of liveShards) expect(left.has(file)).toBe(true)
    // Only two versions' shards are left: every page of each changed, so no shard is shared.
    expect(left.size).toBe(liveShards.size * 2)
    const objects = new Set(fs.readdirSync(output.objectsDir))
    for (const { object } of Object.values(versions[0].pages)) expect(objects.has(object)).toBe(false)
    for (const version of versions.slice(1)) for (const { object } of Object.values(version.pages)) expect(objects.has(object)).toBe(true)
    expect(readManifest(dir)).toEqual(versions[2])
  })

  it('reads a manifest.json of the old format (every page in it), and writes shards on the next write', () => {
    const dir = outputDir()
    const pages = site(200)
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ version: 7, pages }))
    expect(readManifest(dir)).toEqual({ version: 7, pages })
    const cache = new ManifestCache()
    const old = cache.load(dir)
    expect([old.version, old.size, lookup(old, '/news/3/')]).toEqual([7, 201, pages['/news/3/']])

    const writer = new ManifestWriter(dir)
    writer.read()
    pages['/news/3/'] = { object: 'changed.html', type: HTML }
    writer.write({ version: 8, pages }, ['/news/3/'])
    expect(Array.isArray(root(dir).shards)).toBe(true)
    expect(readManifest(dir)).toEqual({ version: 8, pages })
    // The old version's objects are the previous root's: a prune keeps them.
    expect(writer.named().objects.has('news-3-0.html')).toBe(true)
  })

  it('the reader parses only shards it has not seen, and throws, keeping what it had, on a missing one', () => {
    const dir = outputDir()
    const writer = new ManifestWriter(dir)
    const pages = site(3000)
    writer.write({ version: 1, pages })
    const cache = new ManifestCache()
    const first = cache.load(dir)
    expect(cache.parsed).toBe(root(dir).shards.length)
    expect(first.size).toBe(3001)

    pages['/news/5/'] = { object: 'five.html', type: HTML }
    writer.write({ version: 2, pages }, ['/news/5/'])
    const second = cache.load(dir)
    expect(cache.parsed).toBe(1)
    expect([second.version, lookup(second, '/news/5/')?.object, lookup(second, '/news/6/')?.object]).toEqual([2, 'five.html', 'news-6-0.html'])
    expect(lookup(second, '/nowhere/')).toBeUndefined()

    // A root naming a shard that is not there: nothing changes for the reader.
    pages['/news/7/'] = { object: 'seven.html', type: HTML }
    writer.write({ version: 3, pages }, ['/news/7/'])
    const missing = root(dir).shards[shardOf('/news/7/', root(dir).shards.length)]
    const saved = fs.readFileSync(path.join(dir, SHARDS_DIR, missing))
    fs.rmSync(path.join(dir, SHARDS_DIR, missing))
    expect(() => cache.load(dir)).toThrow()
    fs.writeFileSync(path.join(dir, SHARDS_DIR, missing), saved)
    const third = cache.load(dir)
    expect(cache.parsed).toBe(1)
    expect(lookup(third, '/news/7/')?.object).toBe('seven.html')
  })
})
