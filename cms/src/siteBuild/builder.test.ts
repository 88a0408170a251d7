// The builder's scheduling and swapping, with a stand-in for `astro build` (no real builds here).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { liveBuildId } from './builds'
import { type BuildRunner, SiteBuilder } from './builder'
import { describeSiteStatus } from './describeStatus'
import { readSiteBuildStatus } from './status'

let buildsDir: string
const quiet = { info: () => {}, error: () => {} }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Polls rather than sleeping a fixed time: the machine running the tests may be busy. */
async function until(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await sleep(10)
  }
}

beforeEach(() => {
  buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liushan-builds-'))
})
afterEach(() => fs.rmSync(buildsDir, { recursive: true, force: true }))

/** A build that takes `ms`, writes a complete site (or fails when `fail` says so), and is counted. */
function fakeRunner(ms: number, fail: (n: number) => boolean = () => false) {
  const runs: { id: string; startedAt: number; endedAt?: number }[] = []
  const run: BuildRunner = async ({ id, outDir, onStart }) => {
    const entry = { id, startedAt: Date.now(), endedAt: undefined as number | undefined }
    runs.push(entry)
    onStart(process.pid)
    fs.mkdirSync(path.join(outDir, 'server'), { recursive: true })
    await sleep(ms)
    entry.endedAt = Date.now()
    if (fail(runs.length)) throw new Error(`build ${runs.length} failed`)
    fs.mkdirSync(path.join(outDir, 'site'), { recursive: true })
    fs.writeFileSync(path.join(outDir, 'server/entry.mjs'), '')
    fs.writeFileSync(path.join(outDir, 'site/manifest.json'), JSON.stringify({ version: runs.length, pages: {} }))
  }
  return { run, runs }
}

const builder = (run: BuildRunner, options: Partial<ConstructorParameters<typeof SiteBuilder>[0]> = {}) =>
  new SiteBuilder({ buildsDir, run, logger: quiet, debounceMs: 30, maxWaitMs: 200, retryDelaysMs: [50, 50], ...options })

describe('site builder', () => {
  it('turns a burst of changes into one build and puts it live', async () => {
    const { run, runs } = fakeRunner(20)
    const b = builder(run)
    for (let i = 0; i < 10; i++) b.request(`change ${i}`)
    await b.whenIdle()
    expect(runs).toHaveLength(1)
    expect(liveBuildId(buildsDir)).toBe(runs[0].id)
    const status = readSiteBuildStatus(buildsDir)!
    expect(status).toMatchObject({ state: 'idle', pending: false, liveBuild: runs[0].id })
    expect(status.lastSuccessAt).toBeTruthy()
    expect(describeSiteStatus(status).headline).toMatch(/^门户已更新 · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（用时 \d+\.\d 秒）$/)
  })

  it('runs one build at a time, and exactly one more for everything that arrived during it', async () => {
    const { run, runs } = fakeRunner(150)
    const b = builder(run)
    b.request('first', { immediate: true })
    await sleep(40)
    expect(readSiteBuildStatus(buildsDir)).toMatchObject({ state: 'building', pid: process.pid })
    for (let i = 0; i < 5; i++) b.request(`during ${i}`)
    expect(readSiteBuildStatus(buildsDir)!.pending).toBe(true)
    await b.whenIdle()
    expect(runs).toHaveLength(2)
    expect(runs[1].startedAt).toBeGreaterThanOrEqual(runs[0].endedAt!)
    expect(liveBuildId(buildsDir)).toBe(runs[1].id)
  })

  it('keeps the live and the previous build and removes older ones and failed leftovers', async () => {
    const { run, runs } = fakeRunner(5, (n) => n === 3)
    const b = builder(run, { retryDelaysMs: [] })
    for (let i = 0; i < 4; i++) {
      b.request(`edit ${i}`, { immediate: true })
      await b.whenIdle()
    }
    expect(runs).toHaveLength(4)
    const folders = fs.readdirSync(buildsDir).filter((name) => !name.startsWith('.') && name !== 'live' && name !== 'status.json')
    expect(folders.sort()).toEqual([runs[1].id, runs[3].id])
  })

  it('leaves the live build alone when a build fails, says so, and retries with backoff', async () => {
    const { run, runs } = fakeRunner(10, (n) => n === 2 || n === 3)
    const b = builder(run)
    b.request('first', { immediate: true })
    await b.whenIdle()
    const live = liveBuildId(buildsDir)
    b.request('second', { immediate: true })
    await b.whenIdle()
    expect(liveBuildId(buildsDir)).toBe(live)
    const failed = readSiteBuildStatus(buildsDir)!
    expect(failed).toMatchObject({ state: 'failed', lastError: 'build 2 failed', failures: 1 })
    expect(failed.nextRetryAt).toBeTruthy()
    const text = describeSiteStatus(failed)
    expect(text.tone).toBe('error')
    expect(text.details.join('')).toMatch(/原因：build 2 failed.*将于 .* 自动重试.*读者现在看到的是/)
    // Retry 1 fails too, retry 2 succeeds.
    await until(() => readSiteBuildStatus(buildsDir)?.state === 'idle')
    expect(runs).toHaveLength(4)
    expect(liveBuildId(buildsDir)).toBe(runs[3].id)
    expect(readSiteBuildStatus(buildsDir)).toMatchObject({ state: 'idle', liveBuild: runs[3].id })
  })

  it('gives up after the last retry until the next change', async () => {
    const { run, runs } = fakeRunner(5, () => true)
    const b = builder(run, { retryDelaysMs: [20] })
    b.request('doomed', { immediate: true })
    await until(() => runs.length === 2 && readSiteBuildStatus(buildsDir)?.failures === 2)
    await sleep(100)
    expect(runs).toHaveLength(2)
    const status = readSiteBuildStatus(buildsDir)!
    expect(status).toMatchObject({ state: 'failed', failures: 2 })
    expect(status.nextRetryAt).toBeUndefined()
    expect(describeSiteStatus(status).details.join('')).toContain('已停止自动重试')
    b.request('a new edit', { immediate: true })
    await until(() => runs.length === 4 && readSiteBuildStatus(buildsDir)?.failures === 2)
    b.stop()
  })

  it('waits for the change to be committed before building', async () => {
    const { run, runs } = fakeRunner(5)
    const b = builder(run)
    let committed = false
    b.request('inside a transaction', { settled: () => committed })
    await sleep(120)
    expect(runs).toHaveLength(0)
    committed = true
    await until(() => runs.length === 1)
    await b.whenIdle()
  })

  it('builds a steady stream of changes at least every maxWaitMs', async () => {
    const { run, runs } = fakeRunner(5)
    const b = builder(run, { debounceMs: 50, maxWaitMs: 150 })
    // A second's worth of typing: without maxWaitMs the quiet time would never come.
    const until = Date.now() + 1000
    while (Date.now() < until) {
      b.request('typing')
      await sleep(20)
    }
    expect(runs.length).toBeGreaterThanOrEqual(2)
    await b.whenIdle()
  })
})
