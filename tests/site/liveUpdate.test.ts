// Publish → live: the CMS re-renders the served portal by itself, change by change (its
// SiteRenderer holds the render lease and feeds the render worker). A published item appears, a
// withdrawn or deleted one disappears from pages, sitemap, RSS and search, and a worker killed
// half-way leaves the previous site serving and is restarted. One CMS, one output folder, one server.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureSiteBundle, readManifest, removeBuilds, renderEnv, serveLiveSite, waitForManifest } from '../helpers/liveSite'
import { cmsSession, publishThroughReview, type RunningSite, seedPassword, startSeededCms } from '../helpers/portal'
import type { RunningCms } from '../helpers/server'

/** A full render of the demo content takes seconds; this bounds each wait generously on two busy cores. */
const LIVE_WITHIN_MS = 180_000

let cms: RunningCms
let site: RunningSite & { output: () => string }
let outDir: string
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
  ensureSiteBundle()
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-live-'))
  const started = Date.now()
  cms = await startSeededCms(renderEnv(outDir))
  // The CMS renders the whole portal as it starts.
  await waitForManifest(outDir, started, 300_000)
  console.log(`CMS up and portal rendered in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  site = await serveLiveSite(outDir, { CMS_URL: cms.url })
  admin = await cmsSession(cms)
  approver = await cmsSession(cms, 'approver@example.com')
  columnId = (await admin.get('/columns?limit=1&sort=order')).docs[0].id
}, 600_000)

afterAll(async () => {
  await site?.stop()
  await cms?.stop()
  if (outDir) removeBuilds(outDir)
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
      throw new Error(`${url} still ${page.status} after ${LIVE_WITHIN_MS / 1000} s; manifest v${readManifest(outDir)?.version}\n${cms.output().slice(-3000)}`)
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

/** The served search page's answer for `q` (GET, no JavaScript). */
const searchText = async (q: string) => (await get(`/search/?q=${encodeURIComponent(q)}`)).text

/** The render worker the CMS runs for this test's output folder (found by its environment). */
function workerPid(): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (!cmdline.includes('--worker')) continue
      if (fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`SITE_OUT=${outDir}`)) return Number(entry)
    } catch {
      // gone, or not ours
    }
  }
  return undefined
}

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
    const versionBefore = readManifest(outDir)!.version
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
    expect(readManifest(outDir)!.version).toBeGreaterThan(versionBefore)
    expect(await sitemapText()).toContain(`/news/${published.slug}/`)
    expect((await get('/rss.xml')).text).toContain(mark)
    // Search is off the critical path: fresh within seconds, not necessarily with the page.
    await waitForServed(`/search/?q=${encodeURIComponent(mark)}`, 200, since, `/news/${published.slug}/`)
    expect(await dashboardText()).toMatch(new RegExp(`新闻 #${published.id} 已发布：重新生成 \\d+ 页`))
  }, LIVE_WITHIN_MS + 60_000)

  it('takes a withdrawn and a deleted item off pages, sitemap, RSS and search (withdrawn and deleted together)', async () => {
    expect(published, 'needs the item published above').toBeDefined()
    const old = (await admin.get('/news?limit=1&sort=publishedAt&where[_status][equals]=published')).docs[0]
    deleted = { id: old.id, slug: old.slug, title: old.title }
    expect((await get(`/news/${deleted.slug}/`)).status).toBe(200)

    const since = Date.now()
    await approver.patch(`/news/${published.id}`, { workflowAction: 'withdraw', workflowComment: '测试：撤下稿件' })
    await admin.delete(`/news/${deleted.id}`)
    const seconds = await waitForServed(`/news/${published.slug}/`, 404, since)
    console.log(`withdraw → page gone: ${seconds.toFixed(1)} s`)
    // Two changes, each rendered on its own: the deletion lands within seconds too.
    const deletedSeconds = await waitForServed(`/news/${deleted.slug}/`, 404, since)
    console.log(`delete → page gone: ${deletedSeconds.toFixed(1)} s`)

    const sitemap = await sitemapText()
    const rss = (await get('/rss.xml')).text
    for (const slug of [published.slug, deleted.slug]) {
      expect(sitemap).not.toContain(`/news/${slug}/`)
      expect(rss).not.toContain(`/news/${slug}/`)
    }
    expect(await searchText(mark)).not.toContain(`/news/${published.slug}/`)
    expect(await searchText(deleted.title)).not.toContain(`/news/${deleted.slug}/`)
    // Still a real 404 page, not an empty answer.
    expect((await get(`/news/${published.slug}/`)).text).toContain('lang="zh-CN"')
  }, LIVE_WITHIN_MS + 60_000)
})

describe('a render worker killed half-way', () => {
  it('leaves the previous site serving whole, is restarted and the change still lands', async () => {
    const item = (await admin.get('/news?limit=1&sort=-publishedAt&where[_status][equals]=published')).docs[0]
    const url = `/news/${item.slug}/`
    const before = await get(url)
    expect(before.status).toBe(200)
    const killed = workerPid()
    expect(killed, 'the CMS runs a render worker').toBeDefined()
    const mark = `中途终止测试${Date.now().toString(36)}`

    const since = Date.now()
    await admin.patch(`/news/${item.id}`, { summary: mark })
    process.kill(killed!, 'SIGKILL')
    // Whether the kill came before or after the worker swapped the manifest: one whole version.
    const during = await get(url)
    expect(during.status).toBe(200)
    expect(during.text === before.text || during.text.includes(mark)).toBe(true)
    expect((await get('/')).status).toBe(200)

    const seconds = await waitForServed(url, 200, since, mark)
    console.log(`change live ${seconds.toFixed(1)} s after its worker was killed`)
    expect(workerPid()).not.toBe(killed)
    // The restarted worker catches up on its own; the change record it was sending is then re-sent and closed.
    await expect.poll(dashboardText, { timeout: LIVE_WITHIN_MS, interval: 500 }).toMatch(new RegExp(`新闻 #${item.id} 已发布（修改）：重新生成 \\d+ 页`))
  }, LIVE_WITHIN_MS * 2)
})
