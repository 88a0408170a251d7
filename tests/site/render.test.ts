// The renderer (site/render/): incremental renders equal a fresh full render byte for byte after a
// random run of changes; a withdrawal leaves every page kind; a navigation change reaches every
// page; a worker killed mid-render leaves the previous version serving, and the next change recovers.
// Real CMS (demo content), real astro build, real render worker and portal server.
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MANIFEST_FILE, SHARDS_DIR, shardOf } from '../../site/render/manifest'
import { cmsSession, publishThroughReview, type RunningSite, startSeededCms } from '../helpers/portal'
import {
  type Change, hasCopies, type Manifest, manifestDifferences, missingCopies, pageText, readManifest, renderFull, type RenderWorker, startRenderWorker,
} from '../helpers/render'
import { serveRendered, sharedBundle } from '../helpers/renderedSite'
import type { RunningCms } from '../helpers/server'
import { tempDirs } from '../helpers/tempDirs'

let cms: RunningCms
let buildDir: string
let incremental: string
let worker: RenderWorker
let admin: Awaited<ReturnType<typeof cmsSession>>
let approver: Awaited<ReturnType<typeof cmsSession>>
const temps = tempDirs()
const temp = temps.make

const lexical = (text: string) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }],
  },
})

/** A small seeded generator, so a failing run can be repeated (the seed is printed). */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T>(list: T[]): T => list[Math.floor(next() * list.length)] }
}

async function changed(changes: Change[]) {
  const answer = await worker.send(changes)
  expect(answer.ok, `${answer.error}\n${worker.log().slice(-2000)}`).toBe(true)
  // A change's own pages have their copies once it is live, also while the backfill after the
  // worker's full render is still writing the others'.
  expect(missingCopies(incremental, readManifest(incremental), answer.urls)).toEqual([])
  return answer
}

/** Published news an editor may change freely (a cover showing a minor needs the approver's confirmation first). */
const publishedNews = async () => ((await admin.get('/news?limit=500&depth=0&where[_status][equals]=published')).docs as any[]).filter((doc) => !doc.cover)

/** A fresh full render, on two render threads (the demo site is below the size that starts the second by itself), equals the incremental state. */
async function expectSameAsFullRender() {
  const fresh = temp('full')
  const summary = await renderFull(cms, buildDir, fresh, { SITE_RENDER_THREADS: '2' })
  expect(summary.ok).toBe(true)
  // As the nightly check runs it (--full): hashes only, no compression at all.
  expect(hasCopies(fresh)).toBe(false)
  const differences = manifestDifferences(readManifest(incremental), readManifest(fresh))
  expect(differences).toEqual([])
  return summary
}

beforeAll(async () => {
  cms = await startSeededCms()
  admin = await cmsSession(cms)
  approver = await cmsSession(cms, 'approver@example.com')
  buildDir = (await sharedBundle()).dir
  incremental = temp('incremental')
  worker = await startRenderWorker(cms, buildDir, incremental)
}, 600_000)

afterAll(async () => {
  await worker?.stop()
  await cms?.stop()
  temps.removeAll()
})

describe('incremental render', () => {
  it('equals a fresh full render after a random run of 50 changes', async () => {
    const seed = Number(process.env.RENDER_SEED ?? Date.now() % 100000)
    console.log(`random changes, seed ${seed}`)
    const rand = random(seed)
    const columns = (await admin.get('/columns?limit=100&depth=0')).docs as any[]
    const perChange: { kind: string; rendered: number; ms: number }[] = []
    for (let step = 0; step < 50; step++) {
      const news = await publishedNews()
      // Too few articles to edit (most seeded ones have covers): publish first.
      const kind = news.length < 5 ? 'publish' : rand.pick(['publish', 'publish', 'title', 'title', 'withdraw', 'delete', 'move', 'column', 'navigation', 'settings'])
      let changes: Change[]
      if (kind === 'publish') {
        const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand.next() * 700) * 86_400_000)
        const doc = await publishThroughReview(cms, 'news', {
          title: `随机测试稿件${step}-${seed}`,
          column: rand.pick(columns).id,
          tags: [rand.pick(['调解', '普法', '家风', '巡回审判'])],
          publishedAt: day.toISOString(),
          body: lexical(`第${step}篇随机测试稿件的正文。`),
        })
        changes = [{ kind: 'doc', collection: 'news', id: doc.id }]
      } else if (kind === 'title') {
        const doc = rand.pick(news)
        await admin.patch(`/news/${doc.id}`, { title: `${doc.title.slice(0, 40)}（改${step}）` })
        changes = [{ kind: 'doc', collection: 'news', id: doc.id }]
      } else if (kind === 'withdraw') {
        const doc = rand.pick(news)
        await approver.patch(`/news/${doc.id}`, { workflowAction: 'withdraw', workflowComment: '测试撤稿' })
        changes = [{ kind: 'doc', collection: 'news', id: doc.id }]
      } else if (kind === 'delete') {
        const doc = rand.pick(news)
        await admin.delete(`/news/${doc.id}`)
        changes = [{ kind: 'doc', collection: 'news', id: doc.id }]
      } else if (kind === 'move') {
        const doc = rand.pick(news)
        await admin.patch(`/news/${doc.id}`, { column: rand.pick(columns).id })
        changes = [{ kind: 'doc', collection: 'news', id: doc.id }]
      } else if (kind === 'column') {
        const column = rand.pick(columns)
        await admin.patch(`/columns/${column.id}`, { title: `${String(column.title).slice(0, 8)}${step}` })
        changes = [{ kind: 'doc', collection: 'columns', id: column.id }]
      } else if (kind === 'navigation') {
        const navigation = await admin.get('/globals/navigation?depth=0')
        const items = navigation.items.map((item: any, at: number) => ({ ...item, id: undefined, label: at === 0 ? `导航${step}` : item.label }))
        await admin.post('/globals/navigation', { items })
        changes = [{ kind: 'global', slug: 'navigation' }]
      } else {
        await admin.post('/globals/site-settings', { phone: `0571-8888${String(step).padStart(4, '0')}` })
        changes = [{ kind: 'global', slug: 'site-settings' }]
      }
      const answer = await changed(changes)
      perChange.push({ kind, rendered: answer.rendered!, ms: answer.ms! })
    }
    const byKind = new Map<string, typeof perChange>()
    for (const change of perChange) byKind.set(change.kind, [...(byKind.get(change.kind) ?? []), change])
    for (const [kind, list] of byKind) {
      console.log(`${kind}: ${list.length}×, pages ${list.map((c) => c.rendered).join('/')}, ms ${list.map((c) => c.ms).join('/')}`)
    }
    const full = await expectSameAsFullRender()
    console.log(`full render: ${full.pages} pages in ${full.ms} ms`)
  }, 900_000)
})

describe('the manifest', () => {
  it('a change rewrites only the shards of the pages whose entry changed, then the root', async () => {
    const rootOf = () => JSON.parse(fs.readFileSync(path.join(incremental, MANIFEST_FILE), 'utf8')) as { version: number; shards: string[] }
    const shardsOnDisk = () => new Set(fs.readdirSync(path.join(incremental, SHARDS_DIR)))
    const [rootBefore, filesBefore, before] = [rootOf(), shardsOnDisk(), readManifest(incremental)]
    const column = (await admin.get('/columns?limit=1&depth=0&sort=order')).docs[0]
    const doc = await publishThroughReview(cms, 'news', { title: `分片测试稿件${Date.now().toString(36)}`, column: column.id, publishedAt: new Date().toISOString(), body: lexical('分片测试正文。') })
    const answer = await changed([{ kind: 'doc', collection: 'news', id: doc.id }])
    const [rootAfter, after] = [rootOf(), readManifest(incremental)]
    expect(rootAfter.shards.length).toBe(rootBefore.shards.length)
    const count = rootAfter.shards.length
    const entryChanged = [...new Set([...Object.keys(before.pages), ...Object.keys(after.pages)])].filter((url) => before.pages[url]?.object !== after.pages[url]?.object)
    expect(entryChanged).toContain(`/news/${doc.slug}/`)
    const touched = new Set(entryChanged.map((url) => shardOf(url, count)))
    const replaced = rootAfter.shards.flatMap((file, at) => (file === rootBefore.shards[at] ? [] : [at]))
    expect(new Set(replaced)).toEqual(touched)
    const written = [...shardsOnDisk()].filter((file) => !filesBefore.has(file))
    expect(written.length).toBe(touched.size)
    const bytes = written.reduce((sum, file) => sum + fs.statSync(path.join(incremental, SHARDS_DIR, file)).size, 0)
    console.log(`a publish re-rendered ${answer.rendered} pages: ${touched.size} of ${count} shards rewritten, ${bytes} bytes (+ root)`)
  }, 300_000)
})

describe('a withdrawal', () => {
  it('leaves its own page, its column list, the news list, home, RSS and sitemap', async () => {
    const column = (await admin.get('/columns?limit=1&depth=0&sort=order')).docs[0]
    const title = `撤稿测试稿件${Date.now().toString(36)}`
    const doc = await publishThroughReview(cms, 'news', { title, column: column.id, publishedAt: new Date().toISOString(), body: lexical('撤稿测试正文。') })
    await changed([{ kind: 'doc', collection: 'news', id: doc.id }])
    const url = `/news/${doc.slug}/`
    // The sitemap file of its month (Beijing time, UTC+8 all year).
    const month = new Date(new Date(doc.publishedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 7).replace('-', '')
    const sitemapFile = `/sitemap-${month}.xml`
    const kinds = ['/', '/news/', `/columns/${column.slug}/`, '/rss.xml', `/columns/${column.slug}/rss.xml`, sitemapFile]
    let manifest = readManifest(incremental)
    expect(manifest.pages[url]).toBeDefined()
    // The month page that lists it, in all news and in its column (/news/<YYYY>/<MM>/[<N>/]).
    for (const list of ['/news/', `/columns/${column.slug}/`]) {
      const monthPrefix = `${list}${month.slice(0, 4)}/${month.slice(4)}/`
      const listing = Object.keys(manifest.pages).filter((page) => page.startsWith(monthPrefix) && pageText(incremental, manifest, page)!.includes(url))
      expect(listing, monthPrefix).toHaveLength(1)
      kinds.push(listing[0])
    }
    for (const page of kinds) expect(pageText(incremental, manifest, page), page).toContain(url)

    await approver.patch(`/news/${doc.id}`, { workflowAction: 'withdraw', workflowComment: '测试撤稿' })
    const before = Object.keys(manifest.pages)
    const answer = await changed([{ kind: 'doc', collection: 'news', id: doc.id }])
    manifest = readManifest(incremental)
    expect(manifest.pages[url]).toBeUndefined()
    // Besides its own page, only pages that existed for it may go: its month's sitemap file and month
    // pages (with the month's last article, or the month's last page when the count was a multiple
    // of the page size plus one; the random changes above decide the count).
    const gone = before.filter((page) => !(page in manifest.pages))
    expect(gone).toContain(url)
    expect(answer.removed).toBe(gone.length)
    for (const page of gone.filter((page) => page !== url)) expect(page).toMatch(/^\/(news|columns\/[^/]+)\/\d{4}\/\d{2}\/(\d+\/)?$|^\/sitemap-\d{6}\.xml$/)
    const monthGone = !manifest.pages[sitemapFile]
    if (monthGone) expect(pageText(incremental, manifest, '/sitemap-index.xml')).not.toContain(sitemapFile)
    for (const page of kinds) {
      if (!manifest.pages[page]) {
        // Gone with it (checked above); the sitemap index no longer names a gone month file.
        expect(gone).toContain(page)
        continue
      }
      const text = pageText(incremental, manifest, page)!
      expect(text, page).not.toContain(url)
      expect(text, page).not.toContain(title)
    }
  }, 300_000)
})

describe('an event that starts', () => {
  it('moves from upcoming to past on home and /events/ when its time comes, with no change in the CMS', async () => {
    const title = `即将开始的普法活动${Date.now().toString(36)}`
    const startAt = new Date(Date.now() + 20_000)
    const doc = await publishThroughReview(cms, 'events', { title, startAt: startAt.toISOString(), venueKind: 'community', format: 'lecture', body: lexical('社区法治讲座，讲解民法典中的相邻关系。') })
    await changed([{ kind: 'doc', collection: 'events', id: doc.id }])
    // Where the title sits on /events/: before the 往期活动 heading is upcoming, after it past.
    const isPast = () => {
      const text = pageText(incremental, readManifest(incremental), '/events/')!
      return text.indexOf(title) > text.indexOf('往期活动')
    }
    const onHome = () => pageText(incremental, readManifest(incremental), '/')!.includes(title)
    if (Date.now() < startAt.getTime()) {
      expect(isPast()).toBe(false)
      expect(onHome()).toBe(true)
    }
    // The worker re-renders by itself once the start has passed; nothing is sent to it.
    const deadline = startAt.getTime() + 120_000
    while (!isPast() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250))
    expect(isPast(), worker.log().slice(-2000)).toBe(true)
    expect(onHome()).toBe(false)
    await expectSameAsFullRender()
  }, 300_000)
})

describe('a navigation change', () => {
  it('reaches every page', async () => {
    const label = `新导航${Date.now().toString(36)}`
    const navigation = await admin.get('/globals/navigation?depth=0')
    await admin.post('/globals/navigation', { items: [...navigation.items.map((item: any) => ({ ...item, id: undefined })), { label, url: '/about/' }] })
    await changed([{ kind: 'global', slug: 'navigation' }])
    const manifest = readManifest(incremental)
    const pages = Object.keys(manifest.pages).filter((url) => manifest.pages[url].type.startsWith('text/html'))
    expect(pages.length).toBeGreaterThan(50)
    for (const url of pages) expect(pageText(incremental, manifest, url), url).toContain(label)
  }, 300_000)

  it('leaves on disk only the objects of the live and the previous version, after three of them', async () => {
    const manifests: Manifest[] = []
    const roots: string[][] = []
    for (let round = 0; round < 3; round++) {
      const navigation = await admin.get('/globals/navigation?depth=0')
      await admin.post('/globals/navigation', { items: navigation.items.map((item: any, at: number) => ({ ...item, id: undefined, label: at === 0 ? `清理${round}${Date.now().toString(36)}` : item.label })) })
      await changed([{ kind: 'global', slug: 'navigation' }])
      manifests.push(readManifest(incremental))
      roots.push(JSON.parse(fs.readFileSync(path.join(incremental, MANIFEST_FILE), 'utf8')).shards)
    }
    // The worker clears out after answering a change, before it takes the next: an empty change set's answer follows it.
    const after = await changed([])
    expect(after.rendered).toBe(0)
    expect(worker.log()).toMatch(/清理旧版本的页面文件：删除 [1-9]\d* 个/)
    // The manifest's shards too: the first round's are gone, the last two rounds' are all there.
    const shardsOnDisk = fs.readdirSync(path.join(incremental, SHARDS_DIR))
    const namedShards = new Set(roots.slice(-2).flat())
    expect(shardsOnDisk.filter((file) => !namedShards.has(file))).toEqual([])
    expect([...namedShards].filter((file) => !shardsOnDisk.includes(file))).toEqual([])
    const named = new Set(manifests.slice(-2).flatMap((manifest) => Object.values(manifest.pages).map((page) => page.object)))
    const onDisk = fs.readdirSync(path.join(incremental, 'objects')).filter((file) => !/\.(br|gz|tmp)$/.test(file))
    // Each round replaced every HTML page: the first round's are named by neither manifest any more.
    const firstOnly = Object.values(manifests[0].pages).filter((page) => !named.has(page.object))
    expect(firstOnly.length).toBeGreaterThan(50)
    expect(onDisk.filter((object) => !named.has(object))).toEqual([])
    // The clear-out kept the copies of what it kept (the last round's pages had theirs before going live).
    const lastRound = Object.keys(manifests[2].pages).filter((url) => manifests[2].pages[url].type.startsWith('text/html'))
    expect(missingCopies(incremental, manifests[2], lastRound)).toEqual([])
  }, 600_000)
})

describe('a render killed with SIGKILL', () => {
  let site: RunningSite

  afterAll(async () => {
    await site?.stop()
  })

  it('leaves the previous version serving byte for byte; the next change recovers', async () => {
    site = await serveRendered(incremental, buildDir)
    const urls = ['/', '/news/', '/rss.xml', '/sitemap-0.xml']
    const fetchAll = () => Promise.all(urls.map(async (url) => Buffer.from(await (await fetch(site.url + url)).arrayBuffer())))
    const manifestBefore = fs.readFileSync(path.join(incremental, 'manifest.json'))
    const before = await fetchAll()

    // A navigation change re-renders every page: kill the worker while it does.
    const label = `中断导航${Date.now().toString(36)}`
    const navigation = await admin.get('/globals/navigation?depth=0')
    await admin.post('/globals/navigation', { items: navigation.items.map((item: any, at: number) => ({ ...item, id: undefined, label: at === 0 ? label : item.label })) })
    const objectsBefore = fs.readdirSync(path.join(incremental, 'objects')).length
    worker.post([{ kind: 'global', slug: 'navigation' }])
    const deadline = Date.now() + 60_000
    // Killed once it has written some new objects of the new version, before it publishes.
    while (fs.readdirSync(path.join(incremental, 'objects')).length < objectsBefore + 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5))
    worker.child.kill('SIGKILL')
    await new Promise((resolve) => worker.child.once('exit', resolve))

    expect(fs.readFileSync(path.join(incremental, 'manifest.json')).equals(manifestBefore)).toBe(true)
    const during = await fetchAll()
    during.forEach((body, at) => expect(body.equals(before[at]), urls[at]).toBe(true))

    // The CMS sends an unanswered change again (at least once); a new worker takes it up.
    worker = await startRenderWorker(cms, buildDir, incremental)
    await changed([{ kind: 'global', slug: 'navigation' }])
    const home = await (await fetch(`${site.url}/`)).text()
    expect(home).toContain(label)
    await expectSameAsFullRender()
  }, 600_000)
})

describe('a worker killed during the backfill of compressed copies', () => {
  it('loses none: the next worker writes the copies still missing', async () => {
    const out = temp('backfill')
    // Its full render publishes plain objects and says ready; the copies follow in the background.
    let killed = await startRenderWorker(cms, buildDir, out)
    killed.child.kill('SIGKILL')
    await new Promise((resolve) => killed.child.once('exit', resolve))
    const manifest = readManifest(out)
    const missing = missingCopies(out, manifest)
    console.log(`killed with ${missing.length} of ${Object.keys(manifest.pages).length} pages still without copies`)

    killed = await startRenderWorker(cms, buildDir, out)
    try {
      // Its copies are completed in the background (vitest's timeout ends a wait that never does).
      while (missingCopies(out, readManifest(out)).length) await new Promise((resolve) => setTimeout(resolve, 100))
      expect(missingCopies(out, readManifest(out))).toEqual([])
    } finally {
      await killed.stop()
    }
  }, 300_000)
})
