// After the build (and after Pagefind and the sitemap have written their files), write a brotli
// (.br) and a gzip (.gz) copy beside every text file, so the portal server (scripts/serveWorker.ts)
// sends them compressed without compressing on each request. A copy that would not be smaller is
// not written. Runs last: it compresses what the other integrations wrote too.
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import type { AstroIntegration } from 'astro'

const COMPRESSIBLE = /\.(html|css|js|mjs|xml|json|svg|txt|ics|webmanifest)$/i
/** Below this, headers outweigh the savings. */
const MIN_BYTES = 512
/** Files compressed at a time (zlib works on libuv's thread pool, 4 threads by default). */
const PARALLEL = 4

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

// This step is on the path of every publish (cms/src/siteBuild/). Measured on the demo portal
// (1.4 MB of text): quality 7 compresses it to 30 % in 0.2 s, 9 to the same size in 3 s, 11 to 27 % in 9 s.
const compressors: [suffix: string, compress: (data: Buffer) => Promise<Buffer>][] = [
  ['.br', (data) => brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 7, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } })],
  ['.gz', (data) => gzip(data, { level: 9 })],
]

async function* compressibleFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* compressibleFiles(file)
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield file
  }
}

/** Writes file.br and file.gz beside each compressible file under `dir`; returns the bytes before and after (brotli). */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const files: string[] = []
  for await (const file of compressibleFiles(dir)) files.push(file)
  let next = 0
  const totals = { files: 0, bytes: 0, brotliBytes: 0 }
  const work = async () => {
    while (next < files.length) {
      const file = files[next++]
      const data = await fs.readFile(file)
      if (data.length < MIN_BYTES) continue
      totals.files++
      totals.bytes += data.length
      for (const [suffix, compress] of compressors) {
        const packed = await compress(data)
        if (packed.length >= data.length) continue
        await fs.writeFile(file + suffix, packed)
        if (suffix === '.br') totals.brotliBytes += packed.length
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, work))
  return totals
}

export default function precompress(): AstroIntegration {
  return {
    name: 'liushan:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now()
        const { files, bytes, brotliBytes } = await precompressDir(fileURLToPath(dir))
        logger.info(`compressed ${files} files (${Math.round(bytes / 1024)} KB → ${Math.round(brotliBytes / 1024)} KB brotli) in ${Date.now() - started} ms`)
      },
    },
  }
}
