import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { binDir, cmsDir } from './paths'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before ${url} answered`)
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

export const testPreviewSecret = 'test-preview-secret'

/** The environment of a CMS whose database, uploads and secret all live in `dir`. */
export const cmsEnv = (dir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${binDir}${path.delimiter}${process.env.PATH}`,
  NODE_ENV: 'production',
  DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: 'test-secret-for-next-start',
  PREVIEW_SECRET: testPreviewSecret,
  PAYLOAD_LOG_LEVEL: 'warn',
  NEXT_TELEMETRY_DISABLED: '1',
  // No portal renderer unless a test asks for one (SITE_RENDER: 'on', see liveSite.ts).
  SITE_RENDER: 'off',
})

export type RunningCms = { url: string; dir: string; pid: number | undefined; output: () => string; stop: () => Promise<void> }

/**
 * The built CMS (`next start`, production mode) on a brand-new SQLite database in a temp dir.
 * Needs `cms/.next` from `npm run build` (turbo builds it before these tests).
 */
export async function startBuiltCms(extraEnv: Record<string, string> = {}, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-cms-'))): Promise<RunningCms> {
  if (!fs.existsSync(path.join(cmsDir, '.next/BUILD_ID'))) throw new Error('cms is not built: run `npm run build` first')
  const port = await freePort()
  let log = ''
  const child = spawn(path.join(binDir, 'next'), ['start', '--port', String(port)], {
    cwd: cmsDir,
    env: { ...cmsEnv(dir), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${url}/api/users/me`, 90_000, child)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n${log}`)
  }
  return {
    url,
    dir,
    pid: child.pid,
    output: () => log,
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
