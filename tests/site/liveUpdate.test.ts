// Publish → live: the CMS rebuilds the served portal by itself. A published item appears, a
// withdrawn or deleted one disappears from pages, sitemap, RSS and search, and a build killed
// half-way leaves the previous site serving. One CMS, one builds folder, one server for the file.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  autoBuildEnv, buildStatus, liveBuild, removeBuilds, serveLiveSite, waitForBuildStatus,
} from '../helpers/liveSite'
import { cmsSession, publishThroughReview, type RunningSite, seedPassword, startSeededCms } from '../helpers/portal'
import type { RunningCms } from '../helpers/server'

/** A demo-content build takes tens of seconds on two busy cores; this bounds each wait generously. */
const LIVE_WITHIN_MS = 180_000

let cms: RunningCms
let site: RunningSite & { output: () => string }
let buildsDir: string
let admin: Awaited<ReturnType<typeof cmsSession>>
let approver: Awaited<ReturnType<typeof cmsSession>>
let columnId: number

const lexical = (text: string) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }],
  },
})

beforeAll(async () => {
  buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-builds-'))
  const started = Date.now()
  cms = await startSeededCms(autoBuildEnv(buildsDir))
  // The CMS builds the portal as it starts.
  const first = await waitForBuildStatus(buildsDir, (s) => Boolean(s.lastSuccessAt) || s.state === 'failed', 300_000)
  expect(first.state, first.lastError).not.toBe('failed')
  console.log(`startup build: ${(first.durationMs! / 1000).toFixed(1)} s (CMS up and built in ${((Date.now() - started) / 1000).toFixed(0)} s)`)
  site = await serveLiveSite(buildsDir, { CMS_URL: cms.url })
  admin = await cmsSession(cms)
  approver = await cmsSession(cms, 'approver@example.com')
  columnId = (await admin.get('/columns?limit=1&sort=order')).docs[0].id
}, 600_000)

afterAll(async () => {
  await site?.stop()
  await cms?.stop()
  if (buildsDir) removeBuilds(buildsDir)
})

const get = async (url: string) => {
  const response = await fetch(`${site.url}${url}`)
  return { status: response.status, text: await response.text() }
}

/** Polls the served site until `url` answers `status`; returns the seconds it took from `since`. */
async function waitForServed(url: string, status: number, since: number, contains?: string): Promise<number> {
  const deadline = Date.now() + LIVE_WITHIN_MS
  for (;;) {
    const page = await get(url)
    if (page.status === status && (!contains || page.text.includes(contains))) return (Date.now() - since) / 1000
    if (Date.now() > deadline) {
      throw new Error(`${url} still ${page.status} after ${LIVE_WITHIN_MS / 1000} s; status ${JSON.stringify(buildStatus(buildsDir))}\n${cms.output().slice(-3000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** The admin dashboard as a signed-in editor sees it (站点状态 is rendered on the server). */
async function dashboardText(): Promise<string> {
  const login = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.com', password: seedPassword }),
  }).then((r) => r.json())
  // A typed-in navigation, as a browser marks it: the csrf rule ignores cookies on unmarked requests.
  const html = await (await fetch(`${cms.url}/admin`, { headers: { Cookie: `payload-token=${login.token}`, 'Sec-Fetch-Site': 'none' } })).text()
  return html.replace(/<[^>]+>/g, '')
}

/** The served search page's answer to a query, as a reader without JavaScript gets it. */
const searchPage = async (query: string) => (await get(`/search/?q=${encodeURIComponent(query)}`)).text

/** Every sitemap file the live site serves, concatenated. */
async function sitemapText(): Promise<string> {
  const index = (await get('/sitemap-index.xml')).text
  const files = [...index.matchAll(/<loc>[^<]*?(\/sitemap-\d+\.xml)<\/loc>/g)].map((m) => m[1])
  expect(files.length).toBeGreaterThan(0)
  return (await Promise.all(files.map(async (file) => (await get(file)).text))).join('\n')
}

describe('publish → live', () => {
  const mark = `自动上线测试稿件${Date.now().toString(36)}`
  let published: { id: number; slug: string }
  let deleted: { id: number; slug: string; title: string }

  it('shows a newly published item in the served site, its sitemap, RSS and search', async () => {
    const liveBefore = liveBuild(buildsDir)
    const since = Date.now()
    published = await publishThroughReview(cms, 'news', {
      title: mark,
      summary: `${mark} 摘要`,
      column: columnId,
      publishedAt: new Date().toISOString(),
      body: lexical(`${mark} 正文：法官工作站开展巡回审判。`),
    })
    const seconds = await waitForServed(`/news/${published.slug}/`, 200, since, mark)
    console.log(`publish → page served: ${seconds.toFixed(1)} s`)
    expect(liveBuild(buildsDir)).not.toBe(liveBefore)
    expect(await sitemapText()).toContain(`/news/${published.slug}/`)
    expect((await get('/rss.xml')).text).toContain(mark)
    expect(await searchPage(mark)).toContain(`href="/news/${published.slug}/"`)
    expect(buildStatus(buildsDir)).toMatchObject({ state: 'idle' })
    expect(await dashboardText()).toMatch(/站点状态\s*门户已更新 · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（用时 \d+\.\d 秒）/)
  }, LIVE_WITHIN_MS + 60_000)

  it('takes a withdrawn and a deleted item off pages, sitemap, RSS and search (one build for both)', async () => {
    expect(published, 'needs the item published above').toBeDefined()
    const old = (await admin.get('/news?limit=1&sort=publishedAt&where[_status][equals]=published')).docs[0]
    deleted = { id: old.id, slug: old.slug, title: old.title }
    expect((await get(`/news/${deleted.slug}/`)).status).toBe(200)

    const since = Date.now()
    await approver.patch(`/news/${published.id}`, { workflowAction: 'withdraw', workflowComment: '测试：撤下稿件' })
    await admin.delete(`/news/${deleted.id}`)
    const seconds = await waitForServed(`/news/${published.slug}/`, 404, since)
    console.log(`withdraw → page gone: ${seconds.toFixed(1)} s`)
    // Both changes went into the same build.
    expect((await get(`/news/${deleted.slug}/`)).status).toBe(404)

    const sitemap = await sitemapText()
    const rss = (await get('/rss.xml')).text
    for (const slug of [published.slug, deleted.slug]) {
      expect(sitemap).not.toContain(`/news/${slug}/`)
      expect(rss).not.toContain(`/news/${slug}/`)
    }
    expect(await searchPage(mark)).not.toContain(`/news/${published.slug}/`)
    expect(await searchPage(deleted.title)).not.toContain(`href="/news/${deleted.slug}/"`)
    // Still a real 404 page, not an empty answer.
    expect((await get(`/news/${published.slug}/`)).text).toContain('lang="zh-CN"')
  }, LIVE_WITHIN_MS + 60_000)
})

describe('a build killed half-way', () => {
  it('leaves the previous site serving, reports the failure and retries', async () => {
    const item = (await admin.get('/news?limit=1&sort=-publishedAt&where[_status][equals]=published')).docs[0]
    const url = `/news/${item.slug}/`
    const before = await get(url)
    expect(before.status).toBe(200)
    const liveBefore = liveBuild(buildsDir)
    const mark = `中途终止测试${Date.now().toString(36)}`

    await admin.patch(`/news/${item.id}`, { summary: mark })
    const building = await waitForBuildStatus(buildsDir, (s) => s.state === 'building' && Boolean(s.pid && s.buildId), 60_000)
    // Half-way: Astro has written the server bundle of the new build and is rendering pages.
    const partial = path.join(buildsDir, building.buildId!)
    const deadline = Date.now() + 120_000
    while (!fs.existsSync(path.join(partial, 'server')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    process.kill(-building.pid!, 'SIGKILL')

    const failed = await waitForBuildStatus(buildsDir, (s) => s.state === 'failed', 30_000)
    expect(failed.lastError).toMatch(/SIGKILL/)
    expect(failed.nextRetryAt).toBeTruthy()
    expect(liveBuild(buildsDir)).toBe(liveBefore)
    const during = await get(url)
    expect(during.status).toBe(200)
    expect(during.text).toBe(before.text)
    expect((await get('/')).status).toBe(200)
    const dashboard = await dashboardText()
    expect(dashboard).toContain('门户更新失败')
    expect(dashboard).toMatch(/原因：构建进程被终止（SIGKILL）/)
    expect(dashboard).toMatch(/将于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d 自动重试/)

    // The retry brings the change live.
    const seconds = await waitForServed(url, 200, Date.parse(failed.lastFailureAt!), mark)
    console.log(`killed build retried and live ${seconds.toFixed(1)} s after the failure`)
    expect(buildStatus(buildsDir)).toMatchObject({ state: 'idle' })
    expect(fs.existsSync(partial)).toBe(false)
  }, LIVE_WITHIN_MS * 2)
})
