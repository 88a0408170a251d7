// Content-addressed objects: a rendered body stored under its sha256, with brotli and gzip copies
// when they are smaller. Runs in the compression thread (./storeThread.ts), off the thread that
// renders pages.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { threadId } from 'node:worker_threads'
import zlib from 'node:zlib'

export type ManifestPage = { object: string; type: string; encodings?: ('br' | 'gz')[] }

const COMPRESSIBLE = /^(text\/|application\/(xml|rss\+xml|json|javascript))/
/** Below this, headers outweigh the savings. */
const MIN_BYTES = 512

const EXTENSIONS: [RegExp, string][] = [
  [/^text\/html/, 'html'], [/rss\+xml|^application\/xml|^text\/xml/, 'xml'], [/^text\/plain/, 'txt'],
  [/^text\/calendar/, 'ics'], [/^image\/png/, 'png'], [/^image\/svg/, 'svg'], [/json/, 'json'],
]
const extensionOf = (type: string) => EXTENSIONS.find(([pattern]) => pattern.test(type))?.[1] ?? 'bin'

export function writeAtomically(file: string, data: Uint8Array | string) {
  // Per thread: a full render's two render threads may store the same object at once.
  const temp = `${file}.${process.pid}-${threadId}.tmp`
  fs.writeFileSync(temp, data)
  fs.renameSync(temp, file)
}

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

/** Stores a body under its hash (with brotli and gzip copies) unless already stored. */
export function storeObject(objectsDir: string, body: Uint8Array, type: string): ManifestPage {
  const object = `${crypto.createHash('sha256').update(body).digest('hex')}.${extensionOf(type)}`
  const file = path.join(objectsDir, object)
  const encodings: ('br' | 'gz')[] = []
  if (COMPRESSIBLE.test(type) && body.length >= MIN_BYTES) {
    for (const suffix of ['br', 'gz'] as const) {
      const packedFile = `${file}.${suffix}`
      if (fs.existsSync(packedFile)) {
        encodings.push(suffix)
        continue
      }
      const packed = compressors[suffix](body)
      if (packed.length >= body.length) continue
      writeAtomically(packedFile, packed)
      encodings.push(suffix)
    }
  }
  // The plain copy last: once it exists, its compressed siblings do too.
  if (!fs.existsSync(file)) writeAtomically(file, body)
  return encodings.length ? { object, type, encodings } : { object, type }
}
