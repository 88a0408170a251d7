// The rendered site on disk (SITE_OUT): content-addressed objects that are never rewritten, and a
// manifest (URL → object, in shards: ./manifest.ts) whose root is renamed into place in one step,
// so readers see one version or the next, never a mix. deps.json beside it holds each page's
// dependency tags and the views' digests, for the next incremental render (also after a restart);
// deps.log appends what each incremental render changed in it, so a change writes kilobytes, not
// the whole record (megabytes at 10k news).
import fs from 'node:fs'
import path from 'node:path'

import { type Manifest, type ManifestPage, type ManifestWrite, ManifestWriter } from './manifest.ts'
import { compressibleType, writeAtomically } from './objects.ts'
import { type BackfillObject, type BackfillResult, startStoreThread } from './storeThread.ts'

export type { Manifest, ManifestPage, ManifestWrite }
export type Deps = {
  version: number
  /** URL → the tags it read. */
  pages: Record<string, string[]>
  /** View tag → what it showed. */
  views: Record<string, string>
  /** "collection:id" → [digest, slug] of each document the render saw. */
  docs?: Record<string, [string, string]>
  /** What rendered it (render/fingerprint.ts), set by each full render; changes keep it. */
  fingerprint?: string
}

/** What one version changed in the dependency record: a null removes the entry. */
export type DepsDelta = {
  version: number
  pages: Record<string, string[] | null>
  views: Record<string, string | null>
  docs: Record<string, [string, string] | null>
}

const DEPS_FILE = 'deps.json'
const DEPS_LOG = 'deps.log'

export function applyDelta(deps: Deps, delta: DepsDelta) {
  const patch = <T>(record: Record<string, T>, changes: Record<string, T | null>) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete record[key]
      else record[key] = value
    }
  }
  patch(deps.pages, delta.pages)
  patch(deps.views, delta.views)
  patch((deps.docs ??= {}), delta.docs)
  deps.version = delta.version
}

/**
 * What the pages answered live (search, preview) need besides their own data: settings, pages,
 * navigation and columns for the header, footer and section lists. The server loads it with each
 * manifest, so those pages show the same frame as the rendered ones.
 */
export const FRAME_FILE = 'frame.json'
export type FrameContent = { version: number; collections: Record<string, any[]>; globals: Record<string, any> }

export class Output {
  readonly dir: string
  readonly objectsDir: string
  readonly mediaDir: string
  private manifests: ManifestWriter

  constructor(dir: string) {
    this.dir = path.resolve(dir)
    this.objectsDir = path.join(this.dir, 'objects')
    this.mediaDir = path.join(this.dir, 'media')
    fs.mkdirSync(this.objectsDir, { recursive: true })
    fs.mkdirSync(this.mediaDir, { recursive: true })
    this.manifests = new ManifestWriter(this.dir)
  }

  private storeThread?: ReturnType<typeof startStoreThread>

  private get thread() {
    return (this.storeThread ??= startStoreThread(this.objectsDir))
  }

  /** Stores a body under its hash unless already stored, on the compression thread; with `compress`, its brotli and gzip copies too. */
  store(body: Uint8Array, type: string, compress: boolean): Promise<ManifestPage> {
    return this.thread.store(body, type, compress)
  }

  /**
   * Writes, in the background, the brotli and gzip copies that the objects `manifest` names lack
   * (a full render publishes plain objects; a kill mid-backfill leaves some without). Replaces a
   * backfill under way; pages stored meanwhile go first. Home and list pages (short URLs) first.
   */
  backfill(manifest: Manifest): Promise<BackfillResult> {
    const seen = new Set<string>()
    const objects: (BackfillObject & { depth: number })[] = []
    for (const [url, { object, type }] of Object.entries(manifest.pages)) {
      if (seen.has(object) || !compressibleType(type)) continue
      seen.add(object)
      objects.push({ object, type, depth: url.split('/').length })
    }
    objects.sort((a, b) => a.depth - b.depth)
    return this.thread.backfill(objects.map(({ object, type }) => ({ object, type })))
  }

  /** Holds the backfill while a change renders and publishes (it takes no CPU, disk or cache from it), then lets it go on. */
  pauseBackfill(pause: boolean) {
    this.storeThread?.pauseBackfill(pause)
  }

  /** Stops a backfill under way (before a prune, which must not race its writes). */
  stopBackfill(): Promise<unknown> {
    return this.storeThread?.backfill([]) ?? Promise.resolve()
  }

  async close() {
    await this.storeThread?.close()
    this.storeThread = undefined
  }

  /** The live version (remembered as what the next publish changes). */
  readManifest(): Manifest | undefined {
    return this.manifests.read()
  }

  /** Sizes (characters) of deps.json and deps.log, to tell when the log is worth folding into the base. */
  private depsBytes = { base: 0, log: 0 }

  /**
   * The dependency record: deps.json, then each logged delta of the next version in turn. A line
   * cut short by a kill ends the log (and is cut off, so the next append starts on a clean line);
   * lines older than the base (left by a kill while the base was rewritten) are skipped.
   */
  readDeps(): Deps | undefined {
    let deps: Deps
    try {
      const base = fs.readFileSync(path.join(this.dir, DEPS_FILE), 'utf8')
      deps = JSON.parse(base)
      this.depsBytes = { base: base.length, log: 0 }
    } catch {
      return undefined
    }
    const logFile = path.join(this.dir, DEPS_LOG)
    let log: string
    try {
      log = fs.readFileSync(logFile, 'utf8')
    } catch {
      return deps
    }
    let good = 0
    for (let start = 0; start < log.length; ) {
      const end = log.indexOf('\n', start)
      if (end < 0) break
      let delta: DepsDelta
      try {
        delta = JSON.parse(log.slice(start, end))
      } catch {
        break
      }
      if (delta.version > deps.version + 1) break
      if (delta.version === deps.version + 1) applyDelta(deps, delta)
      start = good = end + 1
    }
    if (good < log.length) fs.truncateSync(logFile, Buffer.byteLength(log.slice(0, good)))
    this.depsBytes.log = good
    return deps
  }

  /**
   * Removes objects and manifest shards neither the live nor the previous root names (the one just
   * published and the one before it, which a server may still be answering from for a moment),
   * their copies, and temp files a kill left (nothing is being written: no store is pending and the
   * backfill is stopped); `alsoKeep`: objects of other manifests to keep. Returns how many files went.
   */
  prune(alsoKeep: Manifest[] = []): number {
    const { shards, objects: keep } = this.manifests.named()
    for (const manifest of alsoKeep) for (const page of Object.values(manifest.pages)) keep.add(page.object)
    let removed = this.manifests.prune(shards)
    for (const file of fs.readdirSync(this.objectsDir)) {
      const object = file.replace(/\.(br|gz)$/, '')
      if (keep.has(object) && !file.endsWith('.tmp')) continue
      fs.rmSync(path.join(this.objectsDir, file), { force: true })
      removed++
    }
    return removed
  }

  /**
   * Makes a version live. The dependency record first (in full, or as a delta on the last version
   * appended to the log), then the manifest: a kill in between leaves a record one version ahead of
   * the manifest, which the next start answers with a full render. `changed`: the URLs set or
   * removed since the last publish, whose shards alone are rewritten (else all are).
   */
  publish(manifest: Manifest, deps: { full: Deps } | { delta: DepsDelta }, frame: FrameContent, changed?: Iterable<string>): ManifestWrite {
    if ('full' in deps) this.writeDeps(deps.full)
    else this.appendDeps(deps.delta)
    writeAtomically(path.join(this.dir, FRAME_FILE), JSON.stringify(frame))
    return this.manifests.write(manifest, changed)
  }

  /** Whether the log has grown to half the base: time to write the record in full instead. */
  get depsLogFull() {
    return this.depsBytes.log * 2 > this.depsBytes.base
  }

  private writeDeps(deps: Deps) {
    const text = JSON.stringify(deps)
    writeAtomically(path.join(this.dir, DEPS_FILE), text)
    // Left behind by a kill just here, its lines are older than the new base and are skipped.
    fs.rmSync(path.join(this.dir, DEPS_LOG), { force: true })
    this.depsBytes = { base: text.length, log: 0 }
  }

  private appendDeps(delta: DepsDelta) {
    const line = `${JSON.stringify(delta)}\n`
    fs.appendFileSync(path.join(this.dir, DEPS_LOG), line)
    this.depsBytes.log += line.length
  }
}
