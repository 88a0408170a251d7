// The portal as deployed: `astro build` (the server bundle), a render (site/render/) into a
// manifest of content-addressed objects, served by site/scripts/serve.ts.
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'

import { binDir, siteDir } from './paths'
import type { RunningSite } from './portal'
import { readManifest } from './render'
import { freePort, waitForHttp } from './server'
import { sharedOnce } from './shared'

const run = promisify(execFile)

/** `astro build` of the site into `outDir` (no CMS needed: content is read when rendering); the address and key only from `extraEnv`. */
export async function buildBundle(outDir: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const { SITE_URL: _url, SITE_PORT: _port, ASTRO_KEY: _key, ...env } = process.env
  await run(path.join(binDir, 'astro'), ['build'], {
    cwd: siteDir,
    env: { ...env, PATH: `${binDir}${path.delimiter}${process.env.PATH}`, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
    maxBuffer: 50 * 1024 * 1024,
  })
  return outDir
}

/**
 * The run's one `astro build` (see shared.ts; content comes in at render time, so every file can
 * use it), made for being served on `port`: the absolute URLs in its pages, feeds and sitemaps
 * name that port. The port lies below the kernel's ephemeral range, which every other server in
 * the tests (port 0) and every outgoing connection draw from, so it is still free when wanted.
 */
export async function sharedBundle(): Promise<{ dir: string; port: number }> {
  const dir = await sharedOnce('site-bundle', async (target) => {
    const port = await portBelowEphemeralRange()
    await buildBundle(path.join(target, 'build'), { SITE_PORT: String(port) })
    fs.writeFileSync(path.join(target, 'port'), String(port))
  })
  return { dir: path.join(dir, 'build'), port: Number(fs.readFileSync(path.join(dir, 'port'), 'utf8')) }
}

async function portBelowEphemeralRange(): Promise<number> {
  const range = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number)
  const high = Math.min(range[0] ?? 32768, 32768) - 1
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * (high - 20000))
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer().once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error('no free port below the ephemeral range')
}

/** site/scripts/serve.ts on the rendered `outDir`, with the bundle in `buildDir`. */
export async function serveRendered(outDir: string, buildDir: string, extraEnv: Record<string, string> = {}, port?: number): Promise<RunningSite & { output: () => string }> {
  port ??= await freePort()
  let log = ''
  const child = spawn(process.execPath, [path.join(siteDir, 'scripts/serve.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SITE_OUT: outDir, SITE_BUILD_DIR: buildDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${url}/`, 60_000, child)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n${log}`)
  }
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

/**
 * The rendered site as a tree of files the way a static server would hold it (/news/x/ →
 * news/x/index.html, with .br/.gz siblings), plus the build's public files and the media: for
 * checks that read files (validators, link checks).
 */
export function materialize(outDir: string, buildDir: string, target: string): string {
  fs.cpSync(path.join(buildDir, 'client'), target, { recursive: true })
  fs.cpSync(path.join(outDir, 'media'), path.join(target, 'media'), { recursive: true })
  const manifest = readManifest(outDir)
  for (const [url, page] of Object.entries(manifest.pages)) {
    const file = path.join(target, url.endsWith('/') ? `${url}index.html` : url)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const object = path.join(outDir, 'objects', page.object)
    fs.copyFileSync(object, file)
    for (const suffix of ['br', 'gz']) if (fs.existsSync(`${object}.${suffix}`)) fs.copyFileSync(`${object}.${suffix}`, `${file}.${suffix}`)
  }
  return target
}
