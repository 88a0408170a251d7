// The served manifest on disk (SITE_OUT): which object each URL is served with. The one place that
// knows its format: the renderer writes it with ManifestWriter, the portal server follows it with
// ManifestCache, tests, benches and the nightly check read it with readManifest.
//
// manifest.json is a small root, { version, shards: [file, …] }. The pages are split by a stable
// hash of their URL (shardOf) into shards; each shard is an immutable file `shards/<sha256>.json`
// named by its content (its entries sorted by URL), so a shard no page of which changed keeps its
// file. A change writes the shards its pages fall in, then renames the root into place: one rename
// makes the whole version visible, and a kill before it leaves the previous root, whose shards are
// all still there (prune keeps those of the live and the previous root). Readers parse only the
// shards they have not seen. At 50k news the single manifest.json was ~7 MB, written and parsed
// whole on every change.
//
// The number of shards is the length of the root's list, chosen when every page is written (a
// full render: about SHARD_PAGES pages each) and kept by the changes after it. A manifest.json
// written before shards existed ({ version, pages }) is read as a root with one shard.
//
// Self-contained (node: modules only): the CMS (nightly check) and plain Node (serve.ts) import it.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { threadId } from 'node:worker_threads'

export type ManifestPage = { object: string; type: string }
/** Every URL of one version and its object. */
export type Manifest = { version: number; pages: Record<string, ManifestPage> }
export type ManifestRoot = { version: number; shards: string[] }
/** A version as readers hold it: each shard's pages, looked up with `lookup`. */
export type ShardedPages = { version: number; shards: Map<string, ManifestPage>[]; size: number }

export const MANIFEST_FILE = 'manifest.json'
export const SHARDS_DIR = 'shards'
/** Pages per shard a full write aims at: at 55k pages, 1,024 shards of ~7 KB and a root of ~44 KB. */
const SHARD_PAGES = 64
const MAX_SHARDS = 4096

export const manifestPath = (dir: string) => path.join(dir, MANIFEST_FILE)
const shardPath = (dir: string, file: string) => path.join(dir, SHARDS_DIR, file)

/** The shard (of `count`) a URL's entry is in: FNV-1a over its UTF-16 code units. */
export function shardOf(url: string, count: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % count
}

/** A power of two, so that each shard holds about SHARD_PAGES pages. */
export function shardCountFor(pages: number): number {
  let count = 1
  while (count < MAX_SHARDS && count * SHARD_PAGES < pages) count *= 2
  return count
}

export const lookup = (site: ShardedPages, url: string): ManifestPage | undefined => site.shards[shardOf(url, site.shards.length)]?.get(url)

/** Writes a file whole under a temp name and renames it into place, so it exists only once complete. */
export function writeAtomically(file: string, data: Uint8Array | string) {
  // Per thread: a full render's two render threads may store the same object at once.
  const temp = `${file}.${process.pid}-${threadId}.tmp`
  fs.writeFileSync(temp, data)
  fs.renameSync(temp, file)
}

type Root = ManifestRoot | Manifest
const isSharded = (root: Root): root is ManifestRoot => Array.isArray((root as ManifestRoot).shards)

function parseRoot(text: string): Root {
  const root = JSON.parse(text)
  if (typeof root?.version !== 'number' || !(Array.isArray(root.shards) || (root.pages && typeof root.pages === 'object'))) {
    throw new Error('清单格式不符')
  }
  return root
}

/** The root manifest.json; throws if it is missing or unreadable. */
function readRoot(dir: string): Root {
  return parseRoot(fs.readFileSync(manifestPath(dir), 'utf8'))
}

function readShard(dir: string, file: string): Record<string, ManifestPage> {
  return JSON.parse(fs.readFileSync(shardPath(dir, file), 'utf8'))
}

/** Every page of the version `dir` serves (sorted by URL), or undefined if it has none it can read. */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const root = readRoot(dir)
    if (!isSharded(root)) return root
    const entries = root.shards.flatMap((file) => Object.entries(readShard(dir, file)))
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return { version: root.version, pages: Object.fromEntries(entries) }
  } catch {
    return undefined
  }
}

/**
 * Reads a version the way the portal server follows it: the root, then only the shards it has not
 * parsed before (kept by file name, which names their content). Throws if the root or a shard it
 * names cannot be read, holding on to what it had: the version served until then stays served.
 */
export class ManifestCache {
  private shards = new Map<string, Map<string, ManifestPage>>()
  /** Shards parsed by the last load. */
  parsed = 0

  load(dir: string): ShardedPages {
    const root = readRoot(dir)
    if (!isSharded(root)) {
      const pages = new Map(Object.entries(root.pages))
      this.shards.clear()
      this.parsed = 1
      return { version: root.version, shards: [pages], size: pages.size }
    }
    const next = new Map<string, Map<string, ManifestPage>>()
    let parsed = 0
    for (const file of root.shards) {
      let pages = this.shards.get(file) ?? next.get(file)
      if (!pages) {
        pages = new Map(Object.entries(readShard(dir, file)))
        parsed++
      }
      next.set(file, pages)
    }
    this.shards = next
    this.parsed = parsed
    const shards = root.shards.map((file) => next.get(file)!)
    return { version: root.version, shards, size: shards.reduce((sum, pages) => sum + pages.size, 0) }
  }
}

/** What one write put on disk. */
export type ManifestWrite = { shards: number; bytes: number }

/**
 * The renderer's side: writes versions, rewriting only the shards whose pages changed, and knows
 * which shards and objects the live and the previous root name (what a prune must keep).
 */
export class ManifestWriter {
  private readonly dir: string
  /** The live version's pages by shard, and each shard's file (undefined: not written sharded yet). */
  private live?: { version: number; shards: Record<string, ManifestPage>[]; files?: string[] }
  /** The shard files (or, for a manifest of the old format, the pages) of the root before the live one. */
  private previous?: { files: string[] } | { pages: Record<string, ManifestPage> }
  private known = false

  constructor(dir: string) {
    this.dir = dir
    fs.mkdirSync(path.join(dir, SHARDS_DIR), { recursive: true })
  }

  /** The live version, remembered as what the next write changes. */
  read(): Manifest | undefined {
    this.known = true
    this.live = undefined
    const manifest = readManifest(this.dir)
    if (!manifest) return undefined
    let root: Root | undefined
    try {
      root = readRoot(this.dir)
    } catch {
      // replaced meanwhile: the next write rewrites every shard
    }
    if (root && isSharded(root) && root.version === manifest.version) {
      const shards = root.shards.map(() => ({}) as Record<string, ManifestPage>)
      for (const [url, page] of Object.entries(manifest.pages)) shards[shardOf(url, shards.length)][url] = page
      this.live = { version: manifest.version, shards, files: [...root.shards] }
    } else {
      this.live = { version: manifest.version, shards: [{ ...manifest.pages }] }
    }
    return manifest
  }

  /**
   * Writes `manifest` as the live version: with `changed` (the URLs whose entry was set or removed
   * since the last write), only the shards they fall in; else every shard. The root last.
   */
  write(manifest: Manifest, changed?: Iterable<string>): ManifestWrite {
    if (!this.known) this.read()
    const live = this.live
    try {
      const incremental = changed && live?.files
      const shards = incremental ? live.shards : this.split(manifest.pages)
      const files = incremental ? [...live.files!] : new Array<string>(shards.length)
      const dirty = new Set<number>()
      if (incremental) {
        for (const url of changed) {
          const at = shardOf(url, shards.length)
          const page = manifest.pages[url]
          if (page) shards[at][url] = page
          else delete shards[at][url]
          dirty.add(at)
        }
      } else {
        for (let at = 0; at < shards.length; at++) dirty.add(at)
      }
      let bytes = 0
      let written = 0
      for (const at of dirty) {
        const text = shardText(shards[at])
        const file = `${crypto.createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`
        files[at] = file
        const target = shardPath(this.dir, file)
        if (fs.existsSync(target)) continue
        writeAtomically(target, text)
        bytes += Buffer.byteLength(text)
        written++
      }
      const root = JSON.stringify({ version: manifest.version, shards: files } satisfies ManifestRoot)
      writeAtomically(manifestPath(this.dir), root)
      this.previous = live ? (live.files ? { files: live.files } : { pages: live.shards[0] }) : this.previous
      this.live = { version: manifest.version, shards, files }
      return { shards: written, bytes: bytes + Buffer.byteLength(root) }
    } catch (error) {
      // What was patched in memory may not be on disk: the next write rewrites every shard.
      if (this.live) this.live.files = undefined
      throw error
    }
  }

  private split(pages: Record<string, ManifestPage>) {
    const shards = Array.from({ length: shardCountFor(Object.keys(pages).length) }, () => ({}) as Record<string, ManifestPage>)
    for (const [url, page] of Object.entries(pages)) shards[shardOf(url, shards.length)][url] = page
    return shards
  }

  /** The shard files and objects the live and the previous root name. */
  named(): { shards: Set<string>; objects: Set<string> } {
    if (!this.known) this.read()
    const shards = new Set<string>()
    const objects = new Set<string>()
    const addPages = (pages: Record<string, ManifestPage>) => {
      for (const url in pages) objects.add(pages[url].object)
    }
    if (this.live) {
      for (const file of this.live.files ?? []) shards.add(file)
      for (const pages of this.live.shards) addPages(pages)
    }
    if (this.previous && 'pages' in this.previous) addPages(this.previous.pages)
    else if (this.previous) {
      for (const file of this.previous.files) {
        if (shards.has(file)) continue
        shards.add(file)
        try {
          addPages(readShard(this.dir, file))
        } catch {
          // gone already: nothing of it to keep
        }
      }
    }
    return { shards, objects }
  }

  /** Removes shard files not in `keep` (what `named` gives) and temp files a kill left. Returns how many went. */
  prune(keep: Set<string>): number {
    let removed = 0
    for (const file of fs.readdirSync(this.dir)) {
      if (!file.startsWith(`${MANIFEST_FILE}.`) || !file.endsWith('.tmp')) continue
      fs.rmSync(path.join(this.dir, file), { force: true })
      removed++
    }
    const dir = path.join(this.dir, SHARDS_DIR)
    for (const file of fs.readdirSync(dir)) {
      if (keep.has(file)) continue
      fs.rmSync(path.join(dir, file), { force: true })
      removed++
    }
    return removed
  }
}

/** A shard's file: its entries sorted by URL, so the same pages always make the same file. */
function shardText(pages: Record<string, ManifestPage>): string {
  const sorted: Record<string, ManifestPage> = {}
  for (const url of Object.keys(pages).sort()) sorted[url] = pages[url]
  return JSON.stringify(sorted)
}
