import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { binDir, cmsDir } from './paths'
import { renderFull } from './render'
import { materialize, serveRendered, sharedBundle } from './renderedSite'
import { cmsEnv, type RunningCms, startBuiltCms } from './server'
import { sharedOnce } from './shared'

const run = promisify(execFile)

export const seedPassword = 'Portal-Test-Password-1'

/** `npm run seed` into a database (and uploads folder) of its own, once per test run; see shared.ts. */
const seededDemo = () =>
  sharedOnce('seeded-cms', async (dir) => {
    await run(path.join(binDir, 'payload'), ['run', 'src/seed/run.ts'], {
      cwd: cmsDir,
      env: { ...cmsEnv(dir), SEED_PASSWORD: seedPassword },
      maxBuffer: 20 * 1024 * 1024,
    })
  })

/**
 * The built CMS on a temp database loaded with the demo content (`extraEnv` for the server only):
 * a copy of the run's one seeded database and uploads, so each file changes only its own.
 */
export async function startSeededCms(extraEnv: Record<string, string> = {}): Promise<RunningCms> {
  const seeded = await seededDemo()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-portal-'))
  fs.cpSync(seeded, dir, { recursive: true })
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

export type BuiltSite = { outDir: string; seconds: number; log: string; bundleDir?: string; renderedDir?: string; port?: number }

/**
 * The portal as deployed, from a running CMS, into a folder of its own (the developer's dist/ and
 * live/ are left alone): the run's shared `astro build` (built for the port in `port`, see
 * sharedBundle), a full render (rendered/) and, for checks that read files, the rendered pages as
 * a static tree (client/).
 */
export async function buildSite(cms: RunningCms, outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-site-'))): Promise<BuiltSite> {
  const started = Date.now()
  const bundle = await sharedBundle()
  const renderedDir = path.join(outDir, 'rendered')
  // As a deploy renders (npm run build -w site): with its brotli/gzip copies.
  const summary = await renderFull(cms, bundle.dir, renderedDir, {}, ['--compress'])
  if (!summary.ok) throw new Error(`render failed: ${JSON.stringify(summary)}`)
  materialize(renderedDir, bundle.dir, path.join(outDir, 'client'))
  return { outDir, seconds: (Date.now() - started) / 1000, log: JSON.stringify(summary), bundleDir: bundle.dir, renderedDir, port: bundle.port }
}

export type RunningSite = { url: string; stop: () => Promise<void> }

/**
 * The rendered portal served as in production: by site/scripts/serve.ts (compression, caching and
 * security headers; on-demand routes such as draft preview). `port`: `site.port` where absolute
 * URLs must match the address served.
 */
export async function serveSite(site: BuiltSite, extraEnv: Record<string, string> = {}, port?: number): Promise<RunningSite> {
  if (!site.bundleDir || !site.renderedDir) throw new Error('serveSite needs a site from buildSite')
  return serveRendered(site.renderedDir, site.bundleDir, extraEnv, port)
}
