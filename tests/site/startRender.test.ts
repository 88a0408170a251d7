// What a render worker started with --full-if-changed (SITE_RENDER_FULL_AT_START=1, `npm start`)
// does: with the bundle and renderer unchanged and a complete output, it catches up with the
// changes made while it was down (no full render) and the output equals a fresh full render;
// a changed bundle, an output without a recorded fingerprint (an older renderer's), or an
// incomplete one render everything. Real CMS (demo content), real astro build, real worker.
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cmsSession, publishThroughReview, startSeededCms } from '../helpers/portal'
import { manifestDifferences, pageText, readManifest, renderFull, type RenderWorker, startRenderWorker } from '../helpers/render'
import { sharedBundle } from '../helpers/renderedSite'
import type { RunningCms } from '../helpers/server'
import { tempDirs } from '../helpers/tempDirs'

let cms: RunningCms
let buildDir: string
let out: string
let admin: Awaited<ReturnType<typeof cmsSession>>
const temps = tempDirs()
const workers: RenderWorker[] = []
const temp = temps.make

/** Starts a worker as the CMS does at start (`args`), waits until it is ready, stops it; what it said of its start. */
async function startOnce(args = ['--full-if-changed'], bundle = buildDir) {
  const worker = await startRenderWorker(cms, bundle, out, args)
  workers.push(worker)
  await worker.stop()
  return { start: worker.startup[0], full: worker.startup.some((m) => m.full), caughtUp: worker.startup.find((m) => m.caughtUp), log: worker.log() }
}

async function expectSameAsFullRender() {
  const fresh = temp('fresh')
  expect((await renderFull(cms, buildDir, fresh)).ok).toBe(true)
  expect(manifestDifferences(readManifest(out), readManifest(fresh))).toEqual([])
}

const lexical = (text: string) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }],
  },
})

const depsFile = () => path.join(out, 'deps.json')

beforeAll(async () => {
  cms = await startSeededCms()
  admin = await cmsSession(cms)
  buildDir = (await sharedBundle()).dir
  out = temp('restart')
}, 600_000)

afterAll(async () => {
  for (const worker of workers) await worker.stop()
  await cms?.stop()
  temps.removeAll()
})

describe('a worker started with --full-if-changed', () => {
  it('renders in full when there is no output, and records the fingerprint and that it is ready', async () => {
    const since = Date.now()
    const first = await startOnce()
    expect(first.start).toEqual({ start: 'full', reason: '尚无已生成的门户，全量生成' })
    expect(first.full).toBe(true)
    expect(JSON.parse(fs.readFileSync(depsFile(), 'utf8')).fingerprint).toMatch(/^[\w-]{43}$/)
    // What npm start (cms/scripts/start-all.ts) waits for.
    const ready = JSON.parse(fs.readFileSync(path.join(out, 'ready.json'), 'utf8'))
    expect(ready.readyAt).toBeGreaterThanOrEqual(since)
    expect(ready.mode).toBe('full')
  }, 300_000)

  it('with the templates unchanged, catches up with the changes made while it was down instead of rendering in full: same bytes as a fresh full render', async () => {
    // Published while no worker ran.
    const column = (await admin.get('/columns?limit=1&depth=0&sort=order')).docs[0]
    const title = `停机期间发布的稿件${Date.now().toString(36)}`
    const doc = await publishThroughReview(cms, 'news', { title, column: column.id, publishedAt: new Date().toISOString(), body: lexical('停机期间发布的正文。') })
    const manifestBefore = fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')

    const since = Date.now()
    const restart = await startOnce()
    expect(restart.start).toEqual({ start: 'catch-up', reason: '模板未变，跳过启动时的全量生成' })
    expect(restart.full).toBe(false)
    expect(restart.caughtUp?.rendered).toBeGreaterThan(0)
    expect(restart.log).toContain('模板未变，跳过启动时的全量生成')
    // The change made while it was down is live (on its page and the news list), and only what it touched was rendered again.
    const manifest = readManifest(out)
    expect(pageText(out, manifest, '/news/')).toContain(`/news/${doc.slug}/`)
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).not.toBe(manifestBefore)
    expect(pageText(out, manifest, `/news/${doc.slug}/`)).toContain(title)
    expect(restart.caughtUp!.rendered).toBeLessThan(Object.keys(manifest.pages).length / 2)
    expect(JSON.parse(fs.readFileSync(path.join(out, 'ready.json'), 'utf8')).readyAt).toBeGreaterThanOrEqual(since)
    await expectSameAsFullRender()

    // Nothing changed since: nothing is rendered and the manifest stays as it was (start-all waits for ready.json).
    const unchanged = fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')
    const again = await startOnce()
    expect(again.start?.start).toBe('catch-up')
    expect(again.caughtUp?.rendered).toBe(0)
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe(unchanged)
  }, 600_000)

  it('renders in full when the site bundle changed', async () => {
    const changed = temp('changed-bundle')
    fs.cpSync(buildDir, changed, { recursive: true })
    fs.appendFileSync(path.join(changed, 'server/entry.mjs'), '\n// a rebuilt bundle (test)\n')
    const recorded = JSON.parse(fs.readFileSync(depsFile(), 'utf8')).fingerprint
    const restart = await startOnce(['--full-if-changed'], changed)
    expect(restart.start).toEqual({ start: 'full', reason: '模板已更新，全量生成' })
    expect(restart.full).toBe(true)
    expect(JSON.parse(fs.readFileSync(depsFile(), 'utf8')).fingerprint).not.toBe(recorded)
    // The original bundle again: it differs from the one recorded now.
    const back = await startOnce()
    expect(back.start?.reason).toBe('模板已更新，全量生成')
    expect(JSON.parse(fs.readFileSync(depsFile(), 'utf8')).fingerprint).toBe(recorded)
  }, 600_000)

  it('renders in full when the output has no fingerprint (an older renderer’s) or is incomplete, and always with --full-first', async () => {
    const deps = JSON.parse(fs.readFileSync(depsFile(), 'utf8'))
    delete deps.fingerprint
    fs.writeFileSync(depsFile(), JSON.stringify(deps))
    const old = await startOnce()
    expect(old.start).toEqual({ start: 'full', reason: '上次生成时未记录模板标识（旧版生成器的输出），全量生成' })
    expect(old.full).toBe(true)

    const manifest = readManifest(out)
    fs.rmSync(path.join(out, 'objects', manifest.pages['/'].object))
    const incomplete = await startOnce()
    expect(incomplete.start).toEqual({ start: 'full', reason: '已生成的门户不完整（缺少 1 个页面文件），全量生成' })
    expect(incomplete.full).toBe(true)
    expect(fs.existsSync(path.join(out, 'objects', readManifest(out).pages['/'].object))).toBe(true)

    fs.rmSync(path.join(out, 'search.sqlite'))
    expect((await startOnce()).start?.reason).toBe('已生成的门户不完整（缺少站内搜索索引），全量生成')

    const always = await startOnce(['--full-first'])
    expect(always.start?.reason).toBe('设置为每次启动都全量生成（SITE_RENDER_FULL_AT_START=always）')
    expect(always.full).toBe(true)
    await expectSameAsFullRender()
  }, 900_000)
})
