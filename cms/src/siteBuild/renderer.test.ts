// The CMS side of publish → live: two CMS instances (two Payloads, two database connections) on
// one SQLite file, each with a SiteRenderer, and a small real worker that speaks the render
// protocol (testing/protocolWorker.ts) and logs what it was asked to render.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { BasePayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDoc, sampleData } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { changeKey, type SiteChange } from './changes'
import { describeSiteStatus } from './describeStatus'
import { SiteRenderer } from './renderer'
import { runNightlyCheck } from './nightly'
import { readLease } from './lease'
import { siteRenderSettings, startupRetryDelay } from './settings'
import { readSiteStatus } from './status'

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing/protocolWorker.ts')
const quiet = { info: () => undefined, error: () => undefined }

let test: TestPayload
let first: Payload
let second: Payload
let outDir: string
const renderers: SiteRenderer[] = []

function renderer(payload: Payload, holderId: string, pollMs = 20): SiteRenderer {
  const settings = {
    ...siteRenderSettings({ SITE_OUT: outDir, SITE_RENDER_COMMAND: `${worker} --worker`, CMS_URL: 'http://127.0.0.1:1' }),
    holderId,
    leaseMs: 1_500,
    pollMs,
  }
  const r = new SiteRenderer(payload, settings, quiet)
  renderers.push(r)
  return r
}

type LogLine = { pid: number; seq?: number; full?: boolean; catchUp?: boolean; changes?: SiteChange[] }
const log = (): LogLine[] => {
  const file = path.join(outDir, 'render-log.jsonl')
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : []
}
const renderedKeys = () => log().flatMap((line) => (line.changes ?? []).map(changeKey))
const tune = (value: object) => fs.writeFileSync(path.join(outDir, 'test-worker.json'), JSON.stringify(value))

/** Waits (without a time limit of its own: vitest's test timeout ends a hang) until `check` holds. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 25))
}
const unfinished = async () =>
  (await first.db.count({ collection: 'site-changes', where: { state: { in: ['pending', 'rendering'] } } })).totalDocs

beforeAll(async () => {
  test = await startTestPayload()
  first = test.payload
  // A second CMS instance: its own Payload and database connection, the same database file.
  second = await new BasePayload().init({ config: test.config })
  outDir = path.join(test.dir, 'live')
  await sampleData(first, 'news', 'setup')
})

afterAll(async () => {
  for (const r of renderers) await r.stop()
  await second?.destroy()
  await test?.close()
})

describe('site renderer', () => {
  it('renders a change queued while no renderer ran, after a full render at start (no manifest yet)', async () => {
    const news = await createDoc(first, 'news', 'before any renderer', { status: 'published' })
    expect(log()).toEqual([])

    const a = renderer(first, 'instance-a')
    a.start()
    await until(async () => (await unfinished()) === 0 && log().length > 0)
    // The full render covered everything queued before it; nothing was sent twice.
    expect(log().filter((l) => l.full)).toHaveLength(1)
    expect(fs.existsSync(path.join(outDir, 'manifest.json'))).toBe(true)

    const later = await createDoc(first, 'news', 'after the full render', { status: 'published' })
    await until(() => renderedKeys().includes(`doc:news:${later.id}`))
    expect(renderedKeys()).not.toContain(`doc:news:${news.id}`)
    // The process that rendered everything stays on as the worker: the first change does not wait
    // for another one to start and load the whole site again.
    const fullPid = log().find((l) => l.full)!.pid
    expect(log().find((l) => l.changes?.some((c) => changeKey(c) === `doc:news:${later.id}`))!.pid).toBe(fullPid)
    expect(a.workerPid).toBe(fullPid)

    // With a portal in place, a change made while no renderer runs is rendered when one starts.
    await a.stop()
    const offline = await createDoc(first, 'news', 'while no renderer ran', { status: 'published' })
    const again = renderer(first, 'instance-a')
    again.start()
    await until(() => renderedKeys().includes(`doc:news:${offline.id}`))
    expect(log().filter((l) => l.full)).toHaveLength(1)
  })

  it('with two CMS instances renders each change once, in the lease holder only; the other takes over', async () => {
    const a = renderers[1]
    const b = renderer(second, 'instance-b')
    b.start()
    const before = log().length

    // Changes through both instances, in a burst.
    const made = []
    for (let i = 0; i < 3; i++) made.push(await createDoc(i % 2 ? first : second, 'news', `burst ${i}`, { status: 'published' }))
    await second.updateGlobal({ slug: 'navigation', data: { items: [] } })
    const expected = [...made.map((d) => `doc:news:${d.id}`), 'global:navigation']
    await until(async () => (await unfinished()) === 0 && expected.every((k) => renderedKeys().includes(k)))

    expect(a.isHolder).toBe(true)
    expect(b.isHolder).toBe(false)
    expect(b.workerPid).toBeUndefined()
    const lines = log().slice(before)
    const keys = lines.flatMap((l) => (l.changes ?? []).map(changeKey))
    for (const key of expected) expect(keys.filter((k) => k === key)).toHaveLength(1)
    expect(new Set(lines.map((l) => l.pid))).toEqual(new Set([a.workerPid]))

    // The holder stops (a deploy, a crash): the other instance takes the lease and renders.
    await a.stop()
    const afterHandover = await createDoc(first, 'news', 'after handover', { status: 'published' })
    await until(() => renderedKeys().includes(`doc:news:${afterHandover.id}`))
    expect(b.isHolder).toBe(true)
    expect(log().at(-1)!.pid).toBe(b.workerPid)
  })

  it('restarts a killed worker and still renders the change it had in flight', async () => {
    const b = renderers[2]
    tune({ delayMs: 1_000 })
    const killedPid = b.workerPid!
    const news = await createDoc(second, 'news', 'in flight when killed', { status: 'published' })
    await until(async () => {
      const { docs } = await second.db.find<{ state: string }>({ collection: 'site-changes', where: { key: { equals: `doc:news:${news.id}` } }, limit: 1 })
      return docs[0]?.state === 'rendering'
    })
    process.kill(killedPid, 'SIGKILL')
    tune({})
    await until(() => renderedKeys().includes(`doc:news:${news.id}`))
    expect(b.workerPid).not.toBe(killedPid)
    const line = log().find((l) => l.changes?.some((c) => changeKey(c) === `doc:news:${news.id}`))!
    expect(line.pid).not.toBe(killedPid)
    await until(async () => (await unfinished()) === 0)
  })

  it('shows each change in 站点状态 with pages and time, and a failure with its reason and a retry', async () => {
    tune({ fail: 'workstations' })
    const station = await second.create({ collection: 'workstations', data: { ...(await sampleData(second, 'workstations', 'status')) } as never })
    await until(async () => (await unfinished()) === 0)

    const text = describeSiteStatus(await readSiteStatus(second))
    expect(text.tone).toBe('error')
    expect(text.headline).toMatch(/^门户更新失败/)
    expect(text.details[0]).toBe('原因：渲染“workstations”页面时模板出错（测试）')
    const failed = text.changes[0]
    expect(failed.text).toMatch(new RegExp(`法官工作站 #${station.id} 已新增：更新失败$`))
    expect(failed.retryable).toBe(true)
    const done = text.changes.find((c) => c.tone === 'ok' && c.text.includes('已发布'))!
    expect(done.text).toMatch(/：重新生成 1 页，用时 \d+ 毫秒$|：重新生成 1 页$/)

    // 重试, once the cause is fixed: the same change renders.
    tune({})
    const { retryChangeEndpoint } = await import('./retry')
    const editor = await second.create({ collection: 'users', data: { email: 'status-editor@example.com', password: 'test-Password-1', name: '编辑', role: 'editor' } as never })
    const response = await retryChangeEndpoint.handler({ payload: second, user: { ...editor, collection: 'users' }, routeParams: { id: String(failed.id) }, headers: new Headers() } as never)
    expect(response.status).toBe(200)
    await until(() => renderedKeys().includes(`doc:workstations:${station.id}`))
    await until(async () => (await unfinished()) === 0)
    expect(describeSiteStatus(await readSiteStatus(second)).tone).toBe('ok')
  })

  it('nightly: renders afresh into a temp folder and reports pages that differ from the incremental state', async () => {
    const live = fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')
    const settings = renderers[2].settings
    const { differences } = await runNightlyCheck(second, { ...settings, fullCommand: [worker, '--full'] })
    // The test worker's incremental manifest holds only its last batch's pages; the fresh one only '/'.
    expect(differences.length).toBeGreaterThan(0)
    expect(differences).toContainEqual({ url: '/', live: null, fresh: 'home.html' })
    // The served portal is untouched.
    expect(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).toBe(live)
    const text = describeSiteStatus(await readSiteStatus(second))
    expect(text.changes[0].text).toMatch(/每夜全量校验：重新生成 1 页.*与增量结果有 \d+ 处不同$/)
  })

  it('starts on a change as soon as it is committed, not on its next poll', async () => {
    for (const r of renderers) await r.stop()
    // This renderer polls once an hour: only the after-commit nudge can bring the change to it.
    const r = renderer(first, 'instance-slow-poll', 3_600_000)
    r.start()
    await r.whenIdle()
    const news = await createDoc(first, 'news', 'rendered on commit', { status: 'published' })
    await until(() => renderedKeys().includes(`doc:news:${news.id}`))
    await until(async () => (await unfinished()) === 0)
  })

  it('a start-up render that keeps failing is retried ever later: 30 s, 1, 2, 4, 8 min, then every 15 min', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 50].map((failures) => startupRetryDelay(failures, 30_000) / 60_000)
    expect(minutes).toEqual([0.5, 1, 2, 4, 8, 15, 15, 15])
  })

  it('a full render at start that fails is shown in 站点状态 with the renderer’s own reason, and retried after a growing wait', async () => {
    const emptyOut = path.join(test.dir, 'live-failing-full')
    fs.mkdirSync(emptyOut, { recursive: true })
    fs.writeFileSync(path.join(emptyOut, 'test-worker.json'), JSON.stringify({ failFull: '模板缺少页脚（测试）' }))
    const settings = {
      ...siteRenderSettings({ SITE_OUT: emptyOut, SITE_RENDER_COMMAND: `${worker} --worker`, CMS_URL: 'http://127.0.0.1:1' }),
      holderId: 'instance-failing-full',
      leaseMs: 1_500,
      pollMs: 20,
      startupRetryMs: 400,
    }
    // The lease is one row for the whole database: nobody else may hold it.
    for (const r of renderers) await r.stop()
    const failing = new SiteRenderer(first, settings, quiet)
    type FullRecord = { state: string; error?: string; startedAt: string; finishedAt?: string }
    const fullRecords = async () =>
      (await first.db.find<FullRecord>({ collection: 'site-changes', where: { and: [{ kind: { equals: 'full' } }, { holder: { equals: 'instance-failing-full' } }] }, sort: 'id', limit: 100 })).docs
    const fullRecord = async () => (await fullRecords()).at(-1)
    failing.start()
    try {
      await until(async () => (await fullRecord())?.state === 'failed')
      expect((await fullRecord())?.error).toBe('模板缺少页脚（测试）')
      expect(fs.existsSync(path.join(emptyOut, 'manifest.json'))).toBe(false)
      expect(failing.workerPid).toBeUndefined()
      // Three attempts in a row: the second waited at least 400 ms after the first failed, the third at least 800.
      const attempts = async () => (await fullRecords()).filter((record) => record.state === 'failed')
      await until(async () => (await attempts()).length >= 3)
      const [a, b, c] = await attempts()
      const waited = (failed: FullRecord, next: FullRecord) => Date.parse(next.startedAt) - Date.parse(failed.finishedAt!)
      expect(waited(a, b)).toBeGreaterThanOrEqual(400)
      expect(waited(b, c)).toBeGreaterThanOrEqual(800)
    } finally {
      await failing.stop()
    }
  })

  it('a server going down kills its worker and gives up the lease at once: a restarted one renders without waiting for it to run out', async () => {
    for (const r of renderers) await r.stop()
    const settings = (holderId: string) => ({
      ...siteRenderSettings({ SITE_OUT: outDir, SITE_RENDER_COMMAND: `${worker} --worker`, CMS_URL: 'http://127.0.0.1:1' }),
      holderId,
      // Far longer than this test may take: only a lease given up lets the next server in.
      leaseMs: 600_000,
      pollMs: 20,
    })
    const going = new SiteRenderer(first, settings('instance-going-down'), quiet)
    going.start()
    await until(() => going.isHolder && going.workerPid !== undefined)
    const pid = going.workerPid!
    // What startRenderer.ts runs on SIGTERM / SIGINT.
    await going.shutdown()
    expect(() => process.kill(pid, 0), 'the worker is gone').toThrow()
    expect(Date.parse((await readLease(first))!.expiresAt)).toBeLessThanOrEqual(Date.now())

    const restarted = new SiteRenderer(second, settings('instance-restarted'), quiet)
    restarted.start()
    try {
      const news = await createDoc(second, 'news', 'after a restart', { status: 'published' })
      await until(() => renderedKeys().includes(`doc:news:${news.id}`))
      expect(restarted.isHolder).toBe(true)
      expect(log().at(-1)!.pid).toBe(restarted.workerPid)
    } finally {
      await restarted.stop()
    }
  })
  it('SITE_RENDER_FULL_AT_START=1: a restart with unchanged templates catches up instead of rendering in full, and sends nothing it covered again; changed templates render in full', async () => {
    for (const r of renderers) await r.stop()
    const settings = (holderId: string) => ({
      ...siteRenderSettings({ SITE_OUT: outDir, SITE_RENDER_COMMAND: `${worker} --worker`, CMS_URL: 'http://127.0.0.1:1', SITE_RENDER_FULL_AT_START: '1' }),
      holderId,
      leaseMs: 1_500,
      pollMs: 20,
    })
    const startRecord = async (holder: string) =>
      (await first.db.find<{ state: string; reason: string; pages?: number }>({ collection: 'site-changes', where: { and: [{ kind: { equals: 'full' } }, { holder: { equals: holder } }] }, sort: '-id', limit: 1 })).docs[0]
    const restart = async (holder: string) => {
      const r = new SiteRenderer(first, settings(holder), quiet)
      r.start()
      await until(async () => (await startRecord(holder))?.state === 'done' && (await unfinished()) === 0)
      return r
    }
    expect(fs.existsSync(path.join(outDir, 'manifest.json'))).toBe(true)
    tune({})
    const fullsBefore = log().filter((l) => l.full).length

    const down = await createDoc(first, 'news', 'while down, templates unchanged', { status: 'published' })
    const unchanged = await restart('instance-unchanged')
    try {
      expect(log().filter((l) => l.full)).toHaveLength(fullsBefore)
      const catchUp = log().filter((l) => l.catchUp).at(-1)
      expect(catchUp?.pid).toBe(unchanged.workerPid)
      // The worker's catch-up read it: it is not sent to it again.
      expect(renderedKeys()).not.toContain(`doc:news:${down.id}`)
      expect((await startRecord('instance-unchanged'))?.reason).toBe('门户启动：模板未变，跳过启动时的全量生成')
      expect(describeSiteStatus(await readSiteStatus(first)).changes.some((c) => c.text.endsWith('门户启动：模板未变，跳过启动时的全量生成：没有需要重新生成的页面'))).toBe(true)
      // The worker that caught up takes the next change.
      const later = await createDoc(first, 'news', 'after the catch-up', { status: 'published' })
      await until(() => renderedKeys().includes(`doc:news:${later.id}`))
      expect(log().at(-1)!.pid).toBe(unchanged.workerPid)
    } finally {
      await unchanged.stop()
    }

    tune({ templatesChanged: true })
    const changed = await restart('instance-changed')
    try {
      expect(log().filter((l) => l.full)).toHaveLength(fullsBefore + 1)
      expect((await startRecord('instance-changed'))?.reason).toBe('门户启动：模板已更新，全量生成')
    } finally {
      await changed.stop()
      tune({})
    }
  })
})
