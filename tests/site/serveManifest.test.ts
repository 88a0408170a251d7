// site/scripts/serve.ts follows the manifest by watching for its rename, not by its fallback poll:
// here the poll is set to an hour, so only the watch can bring a new version in. The test has no
// time assertion of its own; vitest's timeout ends a server that never switches.
import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterEach, describe, expect, it } from 'vitest'

import { siteDir } from '../helpers/paths'
import { freePort } from '../helpers/server'

const HOUR_MS = 3_600_000
let work: string
let server: ChildProcess | undefined

afterEach(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    await new Promise((resolve) => server!.once('exit', resolve))
  }
  server = undefined
  fs.rmSync(work, { recursive: true, force: true })
})

/** Writes `html` as the home page, the way the renderer does: an object by its hash, then a manifest renamed into place. */
function publish(outDir: string, version: number, html: string) {
  const object = `${crypto.createHash('sha256').update(html).digest('hex').slice(0, 16)}.html`
  fs.mkdirSync(path.join(outDir, 'objects'), { recursive: true })
  fs.writeFileSync(path.join(outDir, 'objects', object), html)
  const temp = path.join(outDir, `manifest.json.${version}.tmp`)
  fs.writeFileSync(temp, JSON.stringify({ version, pages: { '/': { object, type: 'text/html; charset=utf-8' } } }))
  fs.renameSync(temp, path.join(outDir, 'manifest.json'))
}

async function serve(outDir: string): Promise<string> {
  const port = await freePort()
  server = spawn(process.execPath, [path.join(siteDir, 'scripts/serve.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SITE_OUT: outDir, SITE_BUILD_DIR: path.join(work, 'no-build'), SITE_MANIFEST_POLL_MS: String(HOUR_MS) },
    stdio: ['ignore', 'ignore', 'ignore'],
  })
  const url = `http://127.0.0.1:${port}`
  await until(async () => (await fetch(`${url}/`).catch(() => undefined)) !== undefined)
  return url
}

async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 25))
}
const home = async (url: string) => {
  const response = await fetch(`${url}/`)
  return `${response.status} ${await response.text()}`
}

describe('portal server follows the manifest', () => {
  it('serves a manifest renamed into place without waiting for its poll', async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-serve-'))
    const outDir = path.join(work, 'live')
    publish(outDir, 1, '<p>第一版</p>')
    const url = await serve(outDir)
    expect(await home(url)).toBe('200 <p>第一版</p>')

    publish(outDir, 2, '<p>第二版</p>')
    await until(async () => (await home(url)) === '200 <p>第二版</p>')
    publish(outDir, 3, '<p>第三版</p>')
    await until(async () => (await home(url)) === '200 <p>第三版</p>')
  })

  it('serves the first manifest of an output folder that did not exist when it started', async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-serve-'))
    const outDir = path.join(work, 'live')
    const url = await serve(outDir)
    expect((await home(url)).startsWith('503 ')).toBe(true)

    fs.mkdirSync(outDir)
    // A moment between the folder and its manifest, as a first render has.
    await until(async () => (await home(url)).startsWith('503 '))
    publish(outDir, 1, '<p>首次生成</p>')
    await until(async () => (await home(url)) === '200 <p>首次生成</p>')
  })
})

/** A GET with the given Accept-Encoding, its bytes as sent (not decoded). */
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

/** Written as the renderer's backfill does: to a temp file, renamed into place. */
function addCopy(file: string, data: Buffer) {
  fs.writeFileSync(`${file}.tmp`, data)
  fs.renameSync(`${file}.tmp`, file)
}

describe('compressed copies', () => {
  it('are served when their file exists, as gzip_static/brotli_static serve them; the plain object until then', async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-serve-'))
    const outDir = path.join(work, 'live')
    const html = `<!doctype html><p>${'公开审判，调解结案。'.repeat(200)}</p>`
    publish(outDir, 1, html)
    const { object } = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).pages['/']
    const file = path.join(outDir, 'objects', object)
    const url = `${await serve(outDir)}/`

    // Published before its copies (a full render's backfill writes them later): plain, for everyone.
    for (const accepts of ['br, gzip', 'gzip', undefined]) {
      const plain = await get(url, accepts)
      expect([plain.status, plain.headers['content-encoding'], plain.headers.vary]).toEqual([200, undefined, 'Accept-Encoding'])
      expect(plain.body.toString('utf8')).toBe(html)
    }

    addCopy(`${file}.gz`, zlib.gzipSync(html))
    const gzipped = await get(url, 'br, gzip')
    expect([gzipped.headers['content-encoding'], gzipped.headers.vary]).toEqual(['gzip', 'Accept-Encoding'])
    expect(zlib.gunzipSync(gzipped.body).toString('utf8')).toBe(html)
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length)
    expect((await get(url, 'br')).headers['content-encoding']).toBeUndefined()

    addCopy(`${file}.br`, zlib.brotliCompressSync(html))
    const brotli = await get(url, 'gzip, deflate, br')
    expect([brotli.headers['content-encoding'], brotli.headers.vary]).toEqual(['br', 'Accept-Encoding'])
    expect(zlib.brotliDecompressSync(brotli.body).toString('utf8')).toBe(html)
    expect((await get(url, 'gzip')).headers['content-encoding']).toBe('gzip')
    const identity = await get(url)
    expect([identity.headers['content-encoding'], identity.body.toString('utf8')]).toEqual([undefined, html])
  })
})
