import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { removeBuilds, serveLiveSite } from './liveSite'
import { binDir, cmsDir, siteDir } from './paths'
import { cmsEnv, type RunningCms, startBuiltCms } from './server'

const run = promisify(execFile)

export const seedPassword = 'Portal-Test-Password-1'

/** The built CMS on a temp database loaded with the demo content (`extraEnv` for the server only). */
export async function startSeededCms(extraEnv: Record<string, string> = {}): Promise<RunningCms> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-portal-'))
  await run(path.join(binDir, 'payload'), ['run', 'src/seed/run.ts'], {
    cwd: cmsDir,
    env: { ...cmsEnv(dir), SEED_PASSWORD: seedPassword },
    maxBuffer: 20 * 1024 * 1024,
  })
  return startBuiltCms(extraEnv, dir)
}

/** A REST session as a demo user, for arranging test content. */
export async function cmsSession(cms: RunningCms, email = 'admin@example.com') {
  const login = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: seedPassword }),
  }).then((r) => r.json())
  const headers = { 'Content-Type': 'application/json', Authorization: `JWT ${login.token}` }
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${cms.url}/api${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const json = await response.json()
    if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${JSON.stringify(json)}`)
    return json
  }
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: unknown) => call('POST', url, body),
    patch: (url: string, body: unknown) => call('PATCH', url, body),
    delete: (url: string) => call('DELETE', url),
  }
}

/**
 * Publishes new content the way the office must: an editor writes and submits it, a reviewer
 * approves it, an approver signs it off (三审). Returns the published document.
 */
export async function publishThroughReview(cms: RunningCms, collection: string, data: Record<string, unknown>) {
  const editor = await cmsSession(cms, 'editor@example.com')
  const reviewer = await cmsSession(cms, 'reviewer@example.com')
  const approver = await cmsSession(cms, 'approver@example.com')
  const { doc } = await editor.post(`/${collection}?draft=true`, { ...data, _status: 'draft', workflowAction: 'submit' })
  await reviewer.patch(`/${collection}/${doc.id}?draft=true`, { workflowAction: 'approve' })
  return (await approver.patch(`/${collection}/${doc.id}`, { _status: 'published' })).doc
}

export type BuiltSite = { outDir: string; seconds: number; log: string }

/**
 * `astro build` of the portal from a running CMS into its own folder (the developer's dist/ is
 * left alone). `extraEnv` for the build only (e.g. SITE_PORT or SITE_URL).
 */
export async function buildSite(cms: RunningCms, outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-site-')), extraEnv: Record<string, string> = {}): Promise<BuiltSite> {
  const started = Date.now()
  const { SITE_URL: _url, SITE_PORT: _port, ...env } = process.env
  const { stdout, stderr } = await run(path.join(binDir, 'astro'), ['build'], {
    cwd: siteDir,
    env: { ...env, PATH: `${binDir}${path.delimiter}${process.env.PATH}`, CMS_URL: cms.url, MEDIA_DIR: path.join(cms.dir, 'media'), SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
    maxBuffer: 50 * 1024 * 1024,
  })
  return { outDir, seconds: (Date.now() - started) / 1000, log: stdout + stderr }
}

export type RunningSite = { url: string; stop: () => Promise<void> }

/**
 * The built portal served as in production: by site/scripts/serve.ts (compression, caching and
 * security headers; on-demand routes such as draft preview), from a builds folder whose `live`
 * link points at this build. `port` when the build was told where it will be served.
 */
export async function serveSite(site: BuiltSite, extraEnv: Record<string, string> = {}, port?: number): Promise<RunningSite> {
  const buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-serve-'))
  fs.symlinkSync(site.outDir, path.join(buildsDir, 'live'), 'dir')
  try {
    const served = await serveLiveSite(buildsDir, extraEnv, port)
    return { url: served.url, stop: async () => (await served.stop(), removeBuilds(buildsDir)) }
  } catch (error) {
    removeBuilds(buildsDir)
    throw error
  }
}
