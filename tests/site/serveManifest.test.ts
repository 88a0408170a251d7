// site/scripts/serve.ts follows the manifest by watching for its rename, not by its fallback poll:
// here the poll is set to an hour, so only the watch can bring a new version in. The test has no
// time assertion of its own; vitest's timeout ends a server that never switches.
import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

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
