// Content-addressed objects: a rendered body stored under its sha256, with brotli and gzip copies
// when they are smaller. Runs in the compression thread (./storeThread.ts), off the thread that
// renders pages.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
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
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, data)
  fs.renameSync(temp, file)
}

// Brotli 7 is within 2 % of quality 11 on these pages at a small part of the cost; gzip 9 makes
// them no smaller than 6 (measured on rendered news pages, ~15 KB each).
const compressors = {
  br: (body: Uint8Array) => zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 7, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
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
