// The copies' backfill: a full render stores plain objects only and the brotli/gzip copies follow
// in a thread of their own. A change stored meanwhile still has its copies when its store answers;
// a process killed mid-backfill leaves no broken copy, and the next backfill writes the rest.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'

import { describe, expect, it } from 'vitest'

import type { Manifest, Output } from './output.ts'
import { tempOutputs } from './testing/tempOutputs.ts'

const HTML = 'text/html; charset=utf-8'
const { outputDir, open } = tempOutputs('backfill')

const WORDS = Array.from({ length: 300 }, (_, i) => crypto.createHash('md5').update(String(i)).digest('hex').slice(0, 4 + (i % 7)))
/** A page-like body (~10 KB of text, different for each n). */
function page(n: number): Uint8Array {
  const words = Array.from({ length: 1500 }, (_, i) => WORDS[(i * 7919 + n * 104729 + ((i * n) % 13)) % WORDS.length])
  return new TextEncoder().encode(`<!doctype html><html><body><h1>第 ${n} 页</h1><p>${words.join(' ')}</p></body></html>`)
}

/** Stores `count` pages the way a full render does (plain objects only); their manifest. */
async function renderPlain(output: Output, count: number): Promise<Manifest> {
  const pages: Manifest['pages'] = {}
  const stored = await Promise.all(Array.from({ length: count }, (_, n) => output.store(page(n), HTML, false)))
  stored.forEach((entry, n) => (pages[`/news/${n}/`] = entry))
  return { version: 1, pages }
}

const copiesOf = (output: Output, object: string) => ['br', 'gz'].filter((suffix) => fs.existsSync(path.join(output.objectsDir, `${object}.${suffix}`)))
const missingCopies = (output: Output, manifest: Manifest) => Object.values(manifest.pages).filter(({ object }) => copiesOf(output, object).length < 2).length

/** Every copy decodes to its plain object, byte for byte. */
function expectCopiesIntact(output: Output, manifest: Manifest) {
  for (const { object } of Object.values(manifest.pages)) {
    const plain = fs.readFileSync(path.join(output.objectsDir, object))
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(output.objectsDir, `${object}.br`))).equals(plain)).toBe(true)
    expect(zlib.gunzipSync(fs.readFileSync(path.join(output.objectsDir, `${object}.gz`))).equals(plain)).toBe(true)
  }
}

describe('the backfill of compressed copies', { timeout: 300_000 }, () => {
  it('writes none during a full render, then all of them; a change meanwhile gets its own first', async () => {
    const output = open(outputDir())
    const manifest = await renderPlain(output, 200)
    expect(fs.readdirSync(output.objectsDir).filter((file) => /\.(br|gz)$/.test(file))).toEqual([])

    const backfill = output.backfill(manifest)
    const stored = await output.store(page(99_999), HTML, true)
    // The change's store answered with both copies on disk, while the backfill was still under way.
    expect(copiesOf(output, stored.object)).toEqual(['br', 'gz'])
    expect(missingCopies(output, manifest)).toBeGreaterThan(0)
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(output.objectsDir, `${stored.object}.br`))).equals(Buffer.from(page(99_999)))).toBe(true)

    expect(await backfill).toEqual({ copies: 400, complete: true })
    expect(missingCopies(output, manifest)).toBe(0)
    expectCopiesIntact(output, manifest)
    // A second pass finds nothing to do.
    expect(await output.backfill(manifest)).toEqual({ copies: 0, complete: true })
  })

  it('stops when asked (before a prune), and a new pass replaces the one under way', async () => {
    const output = open(outputDir())
    const manifest = await renderPlain(output, 200)
    const first = output.backfill(manifest)
    await output.stopBackfill()
    expect((await first).complete).toBe(false)
    const missing = missingCopies(output, manifest)
    expect(missing).toBeGreaterThan(0)
    // Stopped means stopped: nothing is written after the answer.
    const files = fs.readdirSync(output.objectsDir).length
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(fs.readdirSync(output.objectsDir).length).toBe(files)
    const again = await output.backfill(manifest)
    expect(again.complete).toBe(true)
    expect(again.copies).toBeGreaterThanOrEqual(missing)
    expect(missingCopies(output, manifest)).toBe(0)
  })

  it('pauses while a change renders, and goes on from where it stopped', async () => {
    const output = open(outputDir())
    const manifest = await renderPlain(output, 200)
    const backfill = output.backfill(manifest)
    output.pauseBackfill(true)
    // Held: the number of files stops growing (after the object it was on).
    const count = () => fs.readdirSync(output.objectsDir).length
    for (let before = -1; before !== count(); ) {
      before = count()
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    expect(missingCopies(output, manifest)).toBeGreaterThan(0)
    output.pauseBackfill(false)
    expect(await backfill).toEqual({ copies: 400, complete: true })
    expect(missingCopies(output, manifest)).toBe(0)
  })

  it('killed mid-backfill, leaves no broken copy; the next backfill writes the rest and a prune clears its temp files', async () => {
    const dir = outputDir()
    const manifest = await renderPlain(open(dir), 200)
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest))
    const outputModule = pathToFileURL(path.join(import.meta.dirname, 'output.ts')).href
    const script = `
      import fs from 'node:fs'
      const { Output } = await import(${JSON.stringify(outputModule)})
      const output = new Output(${JSON.stringify(dir)})
      await output.backfill(JSON.parse(fs.readFileSync(${JSON.stringify(path.join(dir, 'manifest.json'))}, 'utf8')))
    `
    const scriptFile = path.join(dir, 'backfill.mjs')
    fs.writeFileSync(scriptFile, script)
    const child = spawn(process.execPath, [scriptFile], { stdio: 'ignore' })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // Killed once some copies are written, long before all 400 are.
    const objects = path.join(dir, 'objects')
    while (fs.readdirSync(objects).filter((file) => file.endsWith('.br')).length < 10) await new Promise((resolve) => setTimeout(resolve, 5))
    child.kill('SIGKILL')
    await exited
    const output = open(dir)
    const left = missingCopies(output, manifest)
    expect(left).toBeGreaterThan(0)
    // Whatever copies it finished decode to their page; a copy is never there half-written.
    for (const file of fs.readdirSync(objects).filter((name) => name.endsWith('.br'))) {
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(objects, file))).equals(fs.readFileSync(path.join(objects, file.slice(0, -3))))).toBe(true)
    }

    expect((await output.backfill(manifest)).complete).toBe(true)
    expect(missingCopies(output, manifest)).toBe(0)
    expectCopiesIntact(output, manifest)
    output.prune([manifest])
    expect(fs.readdirSync(objects).filter((file) => file.endsWith('.tmp'))).toEqual([])
    expect(fs.readdirSync(objects).length).toBe(200 * 3)
    fs.rmSync(scriptFile)
  })
})
