// The dependency record on disk: a full write, then per-version deltas appended to deps.log, read
// back as one record; a line cut short by a kill, or left from before a full rewrite, is not applied.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { type Deps, type DepsDelta, type Manifest, Output } from './output.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
const outputDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-output-'))
  dirs.push(dir)
  return dir
}

const frame = (version: number) => ({ version, collections: {}, globals: {} })
const manifest = (version: number): Manifest => ({ version, pages: {} })
const base = (): Deps => ({
  version: 1,
  pages: { '/': ['list:news'], '/news/a/': ['doc:news:a', 'view:/news/a/'], '/news/b/': ['doc:news:b'] },
  views: { 'view:/news/a/': '["b"]', 'view:/news/b/': '[]' },
  docs: { 'news:1': ['d1', 'a'], 'news:2': ['d2', 'b'] },
})
const delta2: DepsDelta = {
  version: 2,
  pages: { '/news/c/': ['doc:news:c'], '/news/b/': null },
  views: { 'view:/news/a/': '["c"]', 'view:/news/b/': null },
  docs: { 'news:3': ['d3', 'c'], 'news:2': null },
}
const after2: Deps = {
  version: 2,
  pages: { '/': ['list:news'], '/news/a/': ['doc:news:a', 'view:/news/a/'], '/news/c/': ['doc:news:c'] },
  views: { 'view:/news/a/': '["c"]' },
  docs: { 'news:1': ['d1', 'a'], 'news:3': ['d3', 'c'] },
}
const delta3: DepsDelta = { version: 3, pages: { '/': ['list:news', 'routes'] }, views: {}, docs: { 'news:1': ['d1x', 'a'] } }

describe('the dependency record', () => {
  it('reads back the full record with the logged deltas applied, in order', () => {
    const dir = outputDir()
    const output = new Output(dir)
    output.publish(manifest(1), { full: base() }, frame(1))
    output.publish(manifest(2), { delta: delta2 }, frame(2))
    expect(fs.statSync(path.join(dir, 'deps.log')).size).toBeGreaterThan(0)
    expect(new Output(dir).readDeps()).toEqual(after2)
    output.publish(manifest(3), { delta: delta3 }, frame(3))
    const read = new Output(dir).readDeps()!
    expect(read.version).toBe(3)
    expect(read.pages['/']).toEqual(['list:news', 'routes'])
    expect(read.docs!['news:1']).toEqual(['d1x', 'a'])
  })

  it('a delta cut short by a kill is not applied, and the next delta is read after it', () => {
    const dir = outputDir()
    const output = new Output(dir)
    output.publish(manifest(1), { full: base() }, frame(1))
    fs.appendFileSync(path.join(dir, 'deps.log'), JSON.stringify(delta2).slice(0, 40))
    const reopened = new Output(dir)
    expect(reopened.readDeps()).toEqual(base())
    reopened.publish(manifest(2), { delta: delta2 }, frame(2))
    expect(new Output(dir).readDeps()).toEqual(after2)
  })

  it('a full rewrite supersedes the log, even one a kill left behind', () => {
    const dir = outputDir()
    const output = new Output(dir)
    output.publish(manifest(1), { full: base() }, frame(1))
    output.publish(manifest(2), { delta: delta2 }, frame(2))
    const staleLog = fs.readFileSync(path.join(dir, 'deps.log'))
    const fresh = { ...base(), version: 5 }
    output.publish(manifest(5), { full: fresh }, frame(5))
    expect(fs.existsSync(path.join(dir, 'deps.log'))).toBe(false)
    // As if killed after the new base was renamed into place, before the old log went.
    fs.writeFileSync(path.join(dir, 'deps.log'), staleLog)
    expect(new Output(dir).readDeps()).toEqual(fresh)
  })

  it('a delta that skips a version ends the log there', () => {
    const dir = outputDir()
    const output = new Output(dir)
    output.publish(manifest(1), { full: base() }, frame(1))
    output.publish(manifest(3), { delta: delta3 }, frame(3))
    expect(new Output(dir).readDeps()!.version).toBe(1)
  })
})
