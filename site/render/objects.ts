// Content-addressed objects: a rendered body stored under its sha256 (`<hash>.<ext>`), with brotli
// and gzip copies beside it (`.br`, `.gz`) when they are smaller. Runs in the compression thread
// (./storeThread.ts), off the thread that renders pages. A copy is written to a temp file and
// renamed, so it exists only once complete; the portal server serves a copy when the file is there
// and the plain object otherwise (as a static server's gzip_static/brotli_static does), so copies
// can be added after the manifest that names the object is live (a full render's backfill).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { type ManifestPage, writeAtomically } from './manifest.ts'

export type { ManifestPage }

const COMPRESSIBLE = /^(text\/|application\/(xml|rss\+xml|json|javascript))/
/** Below this, headers outweigh the savings. */
const MIN_BYTES = 512

const EXTENSIONS: [RegExp, string][] = [
  [/^text\/html/, 'html'], [/rss\+xml|^application\/xml|^text\/xml/, 'xml'], [/^text\/plain/, 'txt'],
  [/^text\/calendar/, 'ics'], [/^image\/png/, 'png'], [/^image\/svg/, 'svg'], [/json/, 'json'],
]
const extensionOf = (type: string) => EXTENSIONS.find(([pattern]) => pattern.test(type))?.[1] ?? 'bin'

/** Whether bodies of this type get compressed copies (and so are served with `Vary: Accept-Encoding`). */
export const compressibleType = (type: string) => COMPRESSIBLE.test(type)
export const ENCODINGS = ['br', 'gz'] as const

export { writeAtomically }

/** What a render worker writes into the output folder once it is ready (scripts/render.ts). */
export const READY_FILE = 'ready.json'

// Brotli 5: on the rendered pages (~15 KB each) 2 % larger than quality 7 at half its CPU time
// (0.65 against 1.24 ms a page), and quality 7 is within 2 % of 11; gzip 9 makes them no smaller
// than 6, and 5 saves nothing worth a larger file.
// Brotli's window fitted to the body (at least 64 KB) instead of its default 4 MB: the encoder
// sets up less per page, ~20 % less CPU on the rendered pages, and the files come out no larger.
const brotliWindow = (bytes: number) => Math.min(22, Math.max(16, Math.ceil(Math.log2(bytes))))
const compressors = {
  br: (body: Uint8Array) => zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.constants.BROTLI_PARAM_LGWIN]: brotliWindow(body.length),
    },
  }),
  gz: (body: Uint8Array) => zlib.gzipSync(body, { level: 6 }),
}

/** Writes the brotli and gzip copies of `body` that `file` lacks (none that would not be smaller). Returns how many it wrote. */
function writeCopies(file: string, body: Uint8Array): number {
  let written = 0
  for (const suffix of ENCODINGS) {
    const packedFile = `${file}.${suffix}`
    if (fs.existsSync(packedFile)) continue
    const packed = compressors[suffix](body)
    if (packed.length >= body.length) continue
    writeAtomically(packedFile, packed)
    written++
  }
  return written
}

/** Whether a body gets brotli and gzip copies (if they come out smaller). */
export const wantsCopies = (type: string, bytes: number) => compressibleType(type) && bytes >= MIN_BYTES

/**
 * Stores a body under its hash unless already stored; with `compress`, its missing brotli and gzip
 * copies first (a change's pages have them before their manifest goes live). Without, the plain
 * object only: a full render publishes first and leaves the copies to `compressObject`.
 */
export function storeObject(objectsDir: string, body: Uint8Array, type: string, compress: boolean): ManifestPage {
  const object = `${crypto.createHash('sha256').update(body).digest('hex')}.${extensionOf(type)}`
  const file = path.join(objectsDir, object)
  if (compress && wantsCopies(type, body.length)) writeCopies(file, body)
  if (!fs.existsSync(file)) writeAtomically(file, body)
  return { object, type }
}

/** The backfill: writes the copies a stored object lacks, read back from its plain file. Returns how many it wrote (0 if the object is gone). */
export function compressObject(objectsDir: string, object: string, type: string): number {
  if (!compressibleType(type)) return 0
  const file = path.join(objectsDir, object)
  if (ENCODINGS.every((suffix) => fs.existsSync(`${file}.${suffix}`))) return 0
  let body: Buffer
  try {
    body = fs.readFileSync(file)
  } catch {
    return 0 // pruned meanwhile
  }
  return wantsCopies(type, body.length) ? writeCopies(file, body) : 0
}
