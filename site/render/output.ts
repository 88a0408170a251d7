// The rendered site on disk (SITE_OUT): content-addressed objects that are never rewritten, and a
// manifest (URL → object) renamed into place in one step, so readers see one version or the next,
// never a mix. deps.json beside it holds each page's dependency tags and the views' digests, for
// the next incremental render (also after a restart).
import fs from 'node:fs'
import path from 'node:path'

import { type ManifestPage, writeAtomically } from './objects.ts'
import { startStoreThread } from './storeThread.ts'

export type { ManifestPage }
export type Manifest = { version: number; pages: Record<string, ManifestPage> }
export type Deps = {
  version: number
  /** URL → the tags it read. */
  pages: Record<string, string[]>
  /** View tag → what it showed. */
  views: Record<string, string>
  /** "collection:id" → [digest, slug] of each document the render saw. */
  docs?: Record<string, [string, string]>
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

  constructor(dir: string) {
    this.dir = path.resolve(dir)
    this.objectsDir = path.join(this.dir, 'objects')
    this.mediaDir = path.join(this.dir, 'media')
    fs.mkdirSync(this.objectsDir, { recursive: true })
    fs.mkdirSync(this.mediaDir, { recursive: true })
  }

  private storeThread?: ReturnType<typeof startStoreThread>

  /** Stores a body under its hash (with brotli and gzip copies) unless already stored, on the compression thread. */
  store(body: Uint8Array, type: string): Promise<ManifestPage> {
    this.storeThread ??= startStoreThread(this.objectsDir)
    return this.storeThread.store(body, type)
  }

  async close() {
    await this.storeThread?.close()
    this.storeThread = undefined
  }

  readManifest(): Manifest | undefined {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, 'manifest.json'), 'utf8'))
    } catch {
      return undefined
    }
  }

  readDeps(): Deps | undefined {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, 'deps.json'), 'utf8'))
    } catch {
      return undefined
    }
  }

  /**
   * Removes objects neither manifest names (the one just published and the one before it, which a
   * server may still be answering from for a moment). Returns how many files went.
   */
  prune(manifests: (Manifest | undefined)[]): number {
    const keep = new Set<string>()
    for (const manifest of manifests) for (const page of Object.values(manifest?.pages ?? {})) keep.add(page.object)
    let removed = 0
    for (const file of fs.readdirSync(this.objectsDir)) {
      const object = file.replace(/\.(br|gz|\d+\.tmp)$/, '')
      if (keep.has(object)) continue
      fs.rmSync(path.join(this.objectsDir, file), { force: true })
      removed++
    }
    return removed
  }

  /** deps first, then the manifest that makes the version live; a version mismatch after a crash means: render in full. */
  publish(manifest: Manifest, deps: Deps, frame: FrameContent) {
    writeAtomically(path.join(this.dir, 'deps.json'), JSON.stringify(deps))
    writeAtomically(path.join(this.dir, FRAME_FILE), JSON.stringify(frame))
    writeAtomically(path.join(this.dir, 'manifest.json'), JSON.stringify(manifest))
  }
}
