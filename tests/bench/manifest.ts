// `npm run bench -- manifest`: what one change costs in writing and re-reading the served manifest,
// the single manifest.json of before (written whole by the renderer, parsed whole by the portal
// server) against the sharded one (site/render/manifest.ts: the shards the change touched and the
// root; the server parses only the new shards). Pages shaped like the portal's (URLs, SHA-256
// object names, types); a change sets 13 entries (a publish at 10k and 50k news re-renders 13
// pages), one of them new. MANIFEST_BENCH_PAGES (default 11239,55237: the portal's pages at 10k and
// 50k news), MANIFEST_BENCH_CHANGES (default 20). Measures the manifest alone: the live bench's
// "manifest → served" also holds the watch event and frame.json.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type Manifest, MANIFEST_FILE, ManifestCache, ManifestWriter } from '../../site/render/manifest'
import type { Log, Table } from './cms'
import { quantile, round } from './stats'

const HTML = 'text/html; charset=utf-8'
const PAGES_PER_CHANGE = 13

type Figures = { writeMs: number; writeKB: number; readMs: number }
type ManifestRun = { pages: number; changes: number; shards: number; single: Figures; sharded: Figures & { shardsWritten: number } }
export type ManifestResults = { runs: ManifestRun[] }

const object = (seed: string) => `${crypto.createHash('sha256').update(seed).digest('hex')}.html`

function portalPages(count: number): Manifest['pages'] {
  const pages: Manifest['pages'] = {}
  for (let n = 0; n < count; n++) {
    const month = `${2015 + (n % 11)}-${String(1 + (n % 12)).padStart(2, '0')}`
    const url = n % 20 === 0 ? `/news/archive/${month}/${n}/` : `/news/hu-xi-xian-fa-yuan-${n.toString(36)}-tiao-jie-an-jian/`
    pages[url] = { object: object(url), type: HTML }
  }
  return pages
}

const median = (values: number[]) => round(quantile(values, 0.5), 1)
const time = (work: () => void) => {
  const started = performance.now()
  work()
  return performance.now() - started
}

function runSize(count: number, changes: number, dir: string): ManifestRun {
  const pages = portalPages(count)
  const urls = Object.keys(pages)
  const pick = (n: number, i: number) => urls[(n * 7919 + i * 104729) % urls.length]
  const changeOf = (n: number) => {
    const changed = Array.from({ length: PAGES_PER_CHANGE - 1 }, (_, i) => pick(n, i))
    changed.push(`/news/new-${n}/`)
    for (const url of changed) pages[url] = { object: object(`${url}:${n}`), type: HTML }
    return changed
  }

  // Before: the whole manifest written and renamed into place, then read, parsed and mapped.
  const singleDir = path.join(dir, `single-${count}`)
  fs.mkdirSync(singleDir, { recursive: true })
  const single = { write: [] as number[], bytes: [] as number[], read: [] as number[] }
  for (let n = 0; n < changes; n++) {
    changeOf(n)
    const manifest = { version: n + 1, pages }
    single.write.push(time(() => {
      const text = JSON.stringify(manifest)
      fs.writeFileSync(path.join(singleDir, `${MANIFEST_FILE}.tmp`), text)
      fs.renameSync(path.join(singleDir, `${MANIFEST_FILE}.tmp`), path.join(singleDir, MANIFEST_FILE))
    }))
    single.bytes.push(fs.statSync(path.join(singleDir, MANIFEST_FILE)).size)
    single.read.push(time(() => void new Map(Object.entries(JSON.parse(fs.readFileSync(path.join(singleDir, MANIFEST_FILE), 'utf8')).pages))))
  }

  // After: a full write and a first load, then each change's shards and root, and the server's load.
  const shardedDir = path.join(dir, `sharded-${count}`)
  fs.mkdirSync(shardedDir, { recursive: true })
  const writer = new ManifestWriter(shardedDir)
  writer.write({ version: 1, pages })
  const cache = new ManifestCache()
  const shards = cache.load(shardedDir).shards.length
  const sharded = { write: [] as number[], bytes: [] as number[], read: [] as number[], written: [] as number[] }
  for (let n = 0; n < changes; n++) {
    const changed = changeOf(changes + n)
    let written = { shards: 0, bytes: 0 }
    sharded.write.push(time(() => void (written = writer.write({ version: n + 2, pages }, changed))))
    sharded.bytes.push(written.bytes)
    sharded.written.push(written.shards)
    sharded.read.push(time(() => void cache.load(shardedDir)))
  }
  return {
    pages: count, changes, shards,
    single: { writeMs: median(single.write), writeKB: round(median(single.bytes) / 1024, 1), readMs: median(single.read) },
    sharded: { writeMs: median(sharded.write), writeKB: round(median(sharded.bytes) / 1024, 1), readMs: median(sharded.read), shardsWritten: median(sharded.written) },
  }
}

export async function benchManifest(log: Log): Promise<ManifestResults> {
  const sizes = (process.env.MANIFEST_BENCH_PAGES ?? '11239,55237').split(',').map(Number)
  const changes = Number(process.env.MANIFEST_BENCH_CHANGES ?? 20)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-manifest-bench-'))
  try {
    const runs: ManifestRun[] = []
    for (const size of sizes) {
      log(`manifest: ${size} pages, ${changes} changes`)
      runs.push(runSize(size, changes, dir))
    }
    return { runs }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export function manifestTables(results: ManifestResults): Table[] {
  return [{
    title: `One change of ${PAGES_PER_CHANGE} pages, medians: the manifest written by the renderer and re-read by the portal server, single file against shards`,
    head: ['pages', 'shards', 'single: write ms', 'single: KB', 'single: read ms', 'sharded: write ms', 'sharded: KB', 'shards written', 'sharded: read ms'],
    rows: results.runs.map((r) => [r.pages, r.shards, r.single.writeMs, r.single.writeKB, r.single.readMs, r.sharded.writeMs, r.sharded.writeKB, r.sharded.shardsWritten, r.sharded.readMs]),
  }]
}
