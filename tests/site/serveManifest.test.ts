// site/scripts/serve.ts follows the manifest by watching for its root's rename, not by its fallback
// poll: here the poll is set to an hour, so only the watch can bring a new version in. The test has
// no time assertion of its own; vitest's timeout ends a server that never switches. The manifest is
// written as the renderer writes it (site/render/manifest.ts: shards, then the root).
import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'

import { afterEach, describe, expect, it } from 'vitest'

import { MANIFEST_FILE, ManifestWriter, readManifest, SHARDS_DIR, shardOf } from '../../site/render/manifest'
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

const HTML = 'text/html; charset=utf-8'

/** A fresh temp folder for the test (removed after it) with an empty output folder in it. */
function newOutDir() {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-serve-'))
  const outDir = path.join(work, 'live')
  fs.mkdirSync(outDir, { recursive: true })
  return outDir
}

/** Stores `html` as an object by its hash, the way the renderer does; its manifest entry. */
function store(outDir: string, html: string) {
  const object = `${crypto.createHash('sha256').update(html).digest('hex').slice(0, 16)}.html`
  fs.mkdirSync(path.join(outDir, 'objects'), { recursive: true })
  fs.writeFileSync(path.join(outDir, 'objects', object), html)
  return { object, type: HTML }
}

/** Writes `html` as the home page, the way the renderer does: an object by its hash, then the manifest's shards and its root renamed into place. */
function publish(outDir: string, version: number, html: string) {
  fs.mkdirSync(outDir, { recursive: true })
  new ManifestWriter(outDir).write({ version, pages: { '/': store(outDir, html) } })
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
const answer = async (url: string) => {
  const response = await fetch(url)
  return `${response.status} ${await response.text()}`
}
const home = (url: string) => answer(`${url}/`)

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

/** A site of `count` news pages and a list page (the home page) that links them all, each saying which version it is of. */
function versionPages(outDir: string, version: number, count: number) {
  const pages: Record<string, { object: string; type: string }> = { '/': store(outDir, `<p>列表 第${version}版</p>`) }
  for (let n = 0; n < count; n++) pages[`/news/${n}/`] = store(outDir, `<p>稿件${n} 第${n < 2 ? version : 1}版</p>`)
  return pages
}

describe('a sharded manifest', () => {
  it('switches all of a version at once: a page of the new version never comes with a list of the old', async () => {
    const outDir = newOutDir()
    const writer = new ManifestWriter(outDir)
    writer.write({ version: 1, pages: versionPages(outDir, 1, 2000) })
    const shards: string[] = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')).shards
    // The article and the list live in different shards, so a version changes two files.
    expect(shards.length).toBeGreaterThan(1)
    const article = ['/news/0/', '/news/1/'].find((url) => shardOf(url, shards.length) !== shardOf('/', shards.length))!
    const url = await serve(outDir)
    for (let version = 2; version <= 12; version++) {
      writer.write({ version, pages: versionPages(outDir, version, 2000) }, ['/', '/news/0/', '/news/1/'])
      // Whichever the reader sees first of the new version, the other is of it too.
      const [first, second] = version % 2 ? [article, '/'] : ['/', article]
      await until(async () => (await (await fetch(`${url}${first}`)).text()).includes(`第${version}版`))
      expect(await (await fetch(`${url}${second}`)).text()).toContain(`第${version}版`)
      // Pages of shards no change touched are still served (from the shards the server kept).
      expect(await (await fetch(`${url}/news/1999/`)).text()).toBe('<p>稿件1999 第1版</p>')
    }
  })

  it('killed between writing the shards and renaming the root, leaves the previous version serving byte for byte; the next write recovers', async () => {
    const outDir = newOutDir()
    new ManifestWriter(outDir).write({ version: 1, pages: versionPages(outDir, 1, 500) })
    const rootBefore = fs.readFileSync(path.join(outDir, MANIFEST_FILE))
    const shardsBefore = new Set(fs.readdirSync(path.join(outDir, SHARDS_DIR)))
    const url = await serve(outDir)
    const served = async () => Promise.all(['/', '/news/0/', '/news/1/', '/news/7/'].map(async (page) => `${page} ${await answer(`${url}${page}`)}`))
    const before = await served()
    expect(before[0]).toBe('/ 200 <p>列表 第1版</p>')

    // A writer that stops just before the root's rename (and is killed there): its shards are written.
    const stopped = path.join(work, 'stopped')
    const script = path.join(work, 'write.mjs')
    fs.writeFileSync(script, `
      import fs from 'node:fs'
      const { ManifestWriter } = await import(${JSON.stringify(pathToFileURL(path.join(siteDir, 'render/manifest.ts')).href)})
      const rename = fs.renameSync
      fs.renameSync = (from, to) => {
        if (to.endsWith('manifest.json')) {
          fs.writeFileSync(${JSON.stringify(stopped)}, '')
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
        }
        return rename(from, to)
      }
      const pages = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(work, 'v2.json'))}, 'utf8'))
      const writer = new ManifestWriter(${JSON.stringify(outDir)})
      writer.read()
      writer.write({ version: 2, pages }, ['/', '/news/0/', '/news/1/'])
    `)
    fs.writeFileSync(path.join(work, 'v2.json'), JSON.stringify(versionPages(outDir, 2, 500)))
    const child = spawn(process.execPath, [script], { stdio: 'ignore' })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await until(async () => fs.existsSync(stopped))
    child.kill('SIGKILL')
    await exited
    const newShards = fs.readdirSync(path.join(outDir, SHARDS_DIR)).filter((file) => !shardsBefore.has(file))
    expect(newShards.length).toBeGreaterThan(0)
    expect(fs.readFileSync(path.join(outDir, MANIFEST_FILE)).equals(rootBefore)).toBe(true)
    // The server, told to look again (SIGHUP) and by the shards' and temp root's events, still serves version 1.
    server!.kill('SIGHUP')
    expect(await served()).toEqual(before)
    expect(readManifest(outDir)!.version).toBe(1)

    // The next write (after a restart) goes live; a prune clears the dead writer's shards and temp root.
    const writer = new ManifestWriter(outDir)
    writer.read()
    writer.write({ version: 3, pages: versionPages(outDir, 3, 500) }, ['/', '/news/0/', '/news/1/'])
    await until(async () => (await home(url)) === '200 <p>列表 第3版</p>')
    expect(await answer(`${url}/news/0/`)).toBe('200 <p>稿件0 第3版</p>')
    const { shards } = writer.named()
    writer.prune(shards)
    for (const file of newShards) expect(fs.existsSync(path.join(outDir, SHARDS_DIR, file))).toBe(shards.has(file))
    expect(fs.readdirSync(outDir).filter((file) => file.endsWith('.tmp'))).toEqual([])
  })

  it('a root naming a shard it cannot read leaves the current version serving, until the shard is there', async () => {
    const outDir = newOutDir()
    const writer = new ManifestWriter(outDir)
    writer.write({ version: 1, pages: versionPages(outDir, 1, 300) })
    const url = await serve(outDir)
    writer.write({ version: 2, pages: versionPages(outDir, 2, 300) }, ['/', '/news/0/', '/news/1/'])
    await until(async () => (await home(url)) === '200 <p>列表 第2版</p>')

    // Version 3 written beside it, then its root put live with every shard but the home page's (as from a broken copy of the folder).
    const staging = path.join(work, 'staging')
    fs.cpSync(outDir, staging, { recursive: true })
    const staged = new ManifestWriter(staging)
    staged.read()
    staged.write({ version: 3, pages: versionPages(outDir, 3, 300) }, ['/', '/news/0/', '/news/1/'])
    const root = JSON.parse(fs.readFileSync(path.join(staging, MANIFEST_FILE), 'utf8'))
    const homeShard = root.shards[shardOf('/', root.shards.length)]
    for (const file of root.shards) if (file !== homeShard) fs.cpSync(path.join(staging, SHARDS_DIR, file), path.join(outDir, SHARDS_DIR, file))
    const shard = path.join(outDir, SHARDS_DIR, homeShard)
    expect(fs.existsSync(shard)).toBe(false)
    fs.writeFileSync(path.join(outDir, 'root.tmp'), JSON.stringify(root))
    fs.renameSync(path.join(outDir, 'root.tmp'), path.join(outDir, MANIFEST_FILE))
    server!.kill('SIGHUP')
    // Every page is still version 2's, those of the shards it could read included.
    for (let probe = 0; probe < 5; probe++) {
      expect(await home(url)).toBe('200 <p>列表 第2版</p>')
      expect(await answer(`${url}/news/0/`)).toBe('200 <p>稿件0 第2版</p>')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    fs.cpSync(path.join(staging, SHARDS_DIR, homeShard), shard)
    fs.writeFileSync(path.join(outDir, 'root.tmp'), JSON.stringify(root))
    fs.renameSync(path.join(outDir, 'root.tmp'), path.join(outDir, MANIFEST_FILE))
    await until(async () => (await home(url)) === '200 <p>列表 第3版</p>')
    expect(await answer(`${url}/news/0/`)).toBe('200 <p>稿件0 第3版</p>')
  })

  it('serves an output written by the old code (every page in one manifest.json)', async () => {
    const outDir = newOutDir()
    const page = store(outDir, '<p>旧格式</p>')
    fs.writeFileSync(path.join(outDir, MANIFEST_FILE), JSON.stringify({ version: 1, pages: { '/': page, '/about/': page } }))
    const url = await serve(outDir)
    expect(await home(url)).toBe('200 <p>旧格式</p>')
    expect((await fetch(`${url}/about/`)).status).toBe(200)
    // The renderer's next write replaces it with a sharded one.
    publish(outDir, 2, '<p>分片格式</p>')
    await until(async () => (await home(url)) === '200 <p>分片格式</p>')
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
    const { object } = readManifest(outDir)!.pages['/']
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
