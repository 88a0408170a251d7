// The portal as deployed: `astro build` (the server bundle), a render (site/render/) into a
// manifest of content-addressed objects, served by site/scripts/serve.ts.
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { binDir, siteDir } from './paths'
import type { RunningSite } from './portal'
import type { Manifest } from './render'
import { freePort, waitForHttp } from './server'

const run = promisify(execFile)

/** `astro build` of the site into `outDir` (no CMS needed: content is read when rendering). */
export async function buildBundle(outDir: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const { SITE_URL: _url, SITE_PORT: _port, ...env } = process.env
  await run(path.join(binDir, 'astro'), ['build'], {
    cwd: siteDir,
    env: { ...env, PATH: `${binDir}${path.delimiter}${process.env.PATH}`, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
    maxBuffer: 50 * 1024 * 1024,
  })
  return outDir
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
  const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'))
  for (const [url, page] of Object.entries(manifest.pages)) {
    const file = path.join(target, url.endsWith('/') ? `${url}index.html` : url)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const object = path.join(outDir, 'objects', page.object)
    fs.copyFileSync(object, file)
    for (const encoding of page.encodings ?? []) fs.copyFileSync(`${object}.${encoding}`, `${file}.${encoding}`)
  }
  return target
}
