// The rendered site on disk (SITE_OUT): content-addressed objects that are never rewritten, and a
// manifest (URL → object) renamed into place in one step, so readers see one version or the next,
// never a mix. deps.json beside it holds each page's dependency tags and the views' digests, for
// the next incremental render (also after a restart).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

export type ManifestPage = { object: string; type: string; encodings?: ('br' | 'gz')[] }
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

const COMPRESSIBLE = /^(text\/|application\/(xml|rss\+xml|json|javascript))/
/** Below this, headers outweigh the savings. */
const MIN_BYTES = 512

const EXTENSIONS: [RegExp, string][] = [
  [/^text\/html/, 'html'], [/rss\+xml|^application\/xml|^text\/xml/, 'xml'], [/^text\/plain/, 'txt'],
  [/^text\/calendar/, 'ics'], [/^image\/png/, 'png'], [/^image\/svg/, 'svg'], [/json/, 'json'],
]
const extensionOf = (type: string) => EXTENSIONS.find(([pattern]) => pattern.test(type))?.[1] ?? 'bin'

function writeAtomically(file: string, data: Buffer | string) {
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, data)
  fs.renameSync(temp, file)
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

  /** Stores a body under its hash (with brotli and gzip copies) unless already stored. Compression runs on libuv's threads, beside the rendering. */
  async store(body: Buffer, type: string): Promise<ManifestPage> {
    const object = `${crypto.createHash('sha256').update(body).digest('hex')}.${extensionOf(type)}`
    const file = path.join(this.objectsDir, object)
    const encodings: ('br' | 'gz')[] = []
    const compressible = COMPRESSIBLE.test(type) && body.length >= MIN_BYTES
    if (compressible) {
      for (const [suffix, compress] of [
        ['br', () => brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 7, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })],
        ['gz', () => gzip(body, { level: 9 })],
      ] as const) {
        const packedFile = `${file}.${suffix}`
        if (fs.existsSync(packedFile)) {
          encodings.push(suffix)
          continue
        }
        const packed = await compress()
        if (packed.length >= body.length) continue
        writeAtomically(packedFile, packed)
        encodings.push(suffix)
      }
    }
    // The plain copy last: once it exists, its compressed siblings do too.
    if (!fs.existsSync(file)) writeAtomically(file, body)
    return encodings.length ? { object, type, encodings } : { object, type }
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
