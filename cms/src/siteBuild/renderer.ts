// Publish → live on the CMS side. Every CMS server runs one SiteRenderer; only the one holding the
// lease (lease.ts) runs the render worker (worker.ts). The holder takes queued changes
// (changes.ts) oldest first, coalesces them (one entry per document or global), sends them to the
// worker in one request and writes the result back onto each change record for 站点状态.
// At-least-once: a change is marked done only after the worker answered for it; whatever was in
// flight when the worker or the holder died goes back to the queue. Rendering is idempotent.
import fs from 'node:fs'
import type { Payload } from 'payload'

import { changeKey, changeOf, onNudge, type SiteChange } from './changes'
import { FULL_RENDER_TIMEOUT_MS, hasManifest, rendererEnvFor } from './fullRender'
import { acquireLease, releaseLease } from './lease'
import { type SiteRenderSettings, startupRetryDelay } from './settings'
import { type ChangeFilter, updateChanges } from './updateChanges'
import { RenderWorker, type WorkerLogger } from './worker'

const collection = 'site-changes'
/** Changes sent in one worker request at most; the rest follow in the next. */
const BATCH_LIMIT = 500
/** A change whose render killed the worker this many times is given up on (marked failed). */
const MAX_ATTEMPTS = 5

type ChangeRecord = { id: number | string; key: string; kind: string; targetCollection?: string | null; targetId?: string | null; globalSlug?: string | null; attempts?: number | null }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const now = () => new Date().toISOString()

export class SiteRenderer {
  readonly settings: SiteRenderSettings
  private readonly payload: Payload
  private readonly logger: WorkerLogger
  private holding = false
  private stopped = false
  private worker: RenderWorker | undefined
  private crashesInRow = 0
  private startupFailuresInRow = 0
  private startupRetryAt = 0
  /** The start-up render (startupRender: full, or a catch-up when the templates did not change) is done. */
  private startupFullDone = false
  private lastSeq = 0
  private loop: Promise<void> | undefined
  private heartbeat: NodeJS.Timeout | undefined
  private wake: (() => void) | undefined
  private idleWaiters: (() => void)[] = []

  constructor(payload: Payload, settings: SiteRenderSettings, logger: WorkerLogger = payload.logger) {
    this.payload = payload
    this.settings = settings
    this.logger = logger
  }

  /** True while this instance holds the lease. */
  get isHolder(): boolean {
    return this.holding
  }

  /** The worker child's pid (tests kill it). */
  get workerPid(): number | undefined {
    return this.worker?.alive ? this.worker.child.pid : undefined
  }

  start(): void {
    if (this.loop) return
    fs.mkdirSync(this.settings.outDir, { recursive: true })
    onNudge(() => this.wake?.())
    // A CMS that stops takes its worker with it (the worker also exits when its stdin closes).
    process.once('exit', () => this.worker?.child.kill('SIGKILL'))
    const beat = () =>
      void this.renewLease().catch((error: Error) => this.logger.error(`门户渲染租约续期失败：${error.message}`))
    beat()
    this.heartbeat = setInterval(beat, Math.max(200, Math.floor(this.settings.leaseMs / 3)))
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.heartbeat)
    this.wake?.()
    await this.loop
    await this.worker?.stop()
    this.worker = undefined
    if (this.holding) await releaseLease(this.payload, this.settings.holderId).catch(() => undefined)
    this.holding = false
    onNudge(undefined)
  }

  /**
   * The server is going down (SIGTERM, SIGINT: startRenderer.ts). Unlike stop(), this does not
   * wait for a render in progress: the worker is killed at once (a render cut short leaves the
   * served version as it was; what it had in flight goes back to the queue when the next holder
   * starts) and the lease is given up, so the restarted server, or another instance, renders at
   * once instead of waiting for the lease to run out (SITE_RENDER_LEASE_MS, 15 s).
   */
  async shutdown(): Promise<void> {
    this.stopped = true
    clearInterval(this.heartbeat)
    this.wake?.()
    const worker = this.worker
    this.worker = undefined
    // Killed outright (SIGKILL is delivered before the lease goes): it can write nothing after.
    if (worker?.alive) worker.child.kill('SIGKILL')
    if (this.holding) await releaseLease(this.payload, this.settings.holderId).catch(() => undefined)
    this.holding = false
    await worker?.exited
  }

  /** Resolves once this holder has found the queue empty (tests). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private async renewLease(): Promise<void> {
    if (this.stopped) return
    const had = this.holding
    this.holding = await acquireLease(this.payload, this.settings.holderId, this.settings.leaseMs)
    if (this.holding && !had) {
      this.logger.info(`本实例（${this.settings.holderId}）负责渲染门户`)
      this.wake?.()
    }
    if (!this.holding && had) {
      this.logger.error('门户渲染租约已被其他实例接管，本实例停止渲染')
      await this.worker?.stop()
      this.worker = undefined
    }
  }

  private async run(): Promise<void> {
    let requeued = false
    while (!this.stopped) {
      try {
        if (!this.holding) {
          requeued = false
          await this.nap(this.settings.leaseMs / 3)
          continue
        }
        // What a dead holder (or our own dead worker) had in flight goes back to the queue.
        if (!requeued) {
          await this.update({ state: 'rendering' }, { state: 'pending' })
          requeued = true
        }
        if (!hasManifest(this.settings.outDir) || (this.settings.fullAtStart !== 'off' && !this.startupFullDone)) {
          await this.startupRender()
          continue
        }
        const worker = await this.ensureWorker()
        if (!worker) continue
        const records = await this.pending()
        if (!records.length) {
          for (const resolve of this.idleWaiters.splice(0)) resolve()
          await this.nap(this.settings.pollMs)
          continue
        }
        await this.renderBatch(worker, records)
      } catch (error) {
        this.logger.error(`门户渲染出错：${(error as Error).message}`)
        await this.nap(1_000)
      }
    }
  }

  /** Sleeps up to `ms`, or until a change is queued in this process, the lease is won, or stop(). */
  private nap(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    }).finally(() => (this.wake = undefined))
  }

  private async pending(): Promise<ChangeRecord[]> {
    const { docs } = await this.payload.db.find<ChangeRecord>({
      collection,
      where: { state: { equals: 'pending' } },
      sort: 'id',
      limit: BATCH_LIMIT,
      pagination: false,
    })
    return docs
  }

  private update(filter: ChangeFilter, data: Record<string, unknown>): Promise<void> {
    return updateChanges(this.payload, filter, data)
  }

  private async ensureWorker(): Promise<RenderWorker | undefined> {
    if (this.worker?.alive) {
      try {
        await this.worker.ready
        return this.worker
      } catch {
        // it died while starting: started again below
      }
    }
    if (this.worker) {
      // It died: wait a little longer after each crash in a row, so a broken worker does not spin.
      this.worker = undefined
      await this.nap(Math.min(30_000, 250 * 2 ** Math.min(this.crashesInRow, 7)))
      if (!this.holding || this.stopped) return undefined
    }
    const covered = await this.lastPendingId()
    const worker = this.spawnWorker()
    try {
      await worker.ready
      await this.markCovered(covered, worker)
      return worker
    } catch (error) {
      this.crashesInRow++
      this.logger.error(`门户渲染进程启动失败：${(error as Error).message}`)
      return undefined
    }
  }

  /** The newest change waiting now: a worker started after this reads content that includes it and all before it. */
  private async lastPendingId(): Promise<number | string | undefined> {
    const { docs } = await this.payload.db.find<{ id: number | string }>({ collection, where: { state: { equals: 'pending' } }, sort: '-id', limit: 1, pagination: false })
    return docs[0]?.id
  }

  /**
   * A worker reads all content as it starts and renders what differs from its last render (in full
   * or as a catch-up), so the changes queued before it started are live once it is ready: they are
   * marked done, not sent to it again (after a restart at 10k news, resending five took 1.7–3.4 s
   * before the next publish was rendered).
   */
  private async markCovered(covered: number | string | undefined, worker: RenderWorker, batch?: number | string): Promise<void> {
    if (covered === undefined || !(await worker.startup).reported) return
    await this.update({ state: 'pending', maxId: covered }, { state: 'done', ...(batch === undefined ? {} : { batch: Number(batch) }), finishedAt: now(), pages: 0 })
  }

  /** Starts a worker as this holder's; `startup`: `--full-first` (render everything before taking changes) or `--full-if-changed`. */
  private spawnWorker(startup?: '--full-first' | '--full-if-changed'): RenderWorker {
    const command = startup ? [...this.settings.workerCommand, startup] : this.settings.workerCommand
    const worker = new RenderWorker(command, rendererEnvFor(this.settings, this.settings.outDir), this.settings.siteDir, this.logger)
    this.worker = worker
    void worker.exited.then((how) => {
      if (this.worker === worker && !this.stopped) this.logger.error(`门户渲染进程退出（${how}），将重新启动`)
    })
    return worker
  }

  private async renderBatch(worker: RenderWorker, records: ChangeRecord[]): Promise<void> {
    const seq = (this.lastSeq = Math.max(Date.now(), this.lastSeq + 1))
    const ids = records.map((r) => r.id)
    const changes = new Map<string, SiteChange>()
    const unusable: ChangeRecord[] = []
    for (const record of records) {
      const change = changeOf(record)
      if (change) changes.set(changeKey(change), change)
      else unusable.push(record)
    }
    if (unusable.length) {
      await this.update({ ids: unusable.map((r) => r.id) }, { state: 'failed', error: '无法识别的修改记录', finishedAt: now() })
    }
    const started = now()
    await this.update({ ids }, { state: 'rendering', batch: seq, holder: this.settings.holderId, startedAt: started })
    let result
    try {
      result = await worker.render(seq, [...changes.values()])
    } catch (error) {
      // The worker died with these in flight: back to the queue, to be rendered by the next one.
      this.crashesInRow++
      for (const record of records) {
        const attempts = (record.attempts ?? 0) + 1
        const data =
          attempts >= MAX_ATTEMPTS
            ? { state: 'failed', attempts, error: `渲染进程在处理这项修改时反复退出（${attempts} 次）：${(error as Error).message}`, finishedAt: now() }
            : { state: 'pending', attempts }
        await this.update({ ids: [record.id] }, data)
      }
      return
    }
    this.crashesInRow = 0
    const done = { finishedAt: now(), attempts: (records[0]?.attempts ?? 0) + 1 }
    if (result.ok) {
      await this.update(
        { ids },
        { ...done, state: 'done', pages: result.rendered, removed: result.removed, ms: result.ms, urls: result.urls.slice(0, 50), error: null },
      )
      this.logger.info(`门户已更新：${changes.size} 项修改，重新生成 ${result.rendered} 页，删除 ${result.removed} 页，用时 ${result.ms} 毫秒`)
    } else {
      await this.update({ ids }, { ...done, state: 'failed', error: result.error || '渲染失败（未说明原因）' })
      this.logger.error(`门户更新失败：${result.error}`)
    }
  }

  /**
   * No manifest yet (first start, a new output folder), or asked to at start (SITE_RENDER_FULL_AT_START):
   * the worker brings the output up to date before any change, rendering everything when there is
   * no output, when asked to always, or (`if-changed`, `npm start`) when the site bundle or the
   * renderer changed since the last full render; else it catches up with what changed while none
   * ran. It then stays on with the content it loaded, so the first change after it does not wait
   * for a second process to load everything again. Which it did and why goes into 站点状态 and the log.
   */
  private async startupRender(): Promise<void> {
    const wait = this.startupRetryAt - Date.now()
    if (wait > 0) return this.nap(Math.min(1_000, wait))
    await this.worker?.stop()
    this.worker = undefined
    const covered = await this.lastPendingId()
    const first = !hasManifest(this.settings.outDir)
    const always = first || this.settings.fullAtStart === 'always'
    const planned = first ? '门户全量生成（尚无已生成的门户）' : always ? '门户全量生成（内容管理系统启动）' : '门户启动生成（内容管理系统启动，检查模板是否更新）'
    const record = await this.payload.db.create({
      collection,
      data: { key: 'full', kind: 'full', reason: planned, state: 'rendering', holder: this.settings.holderId, startedAt: now(), attempts: 1 },
    })
    const worker = this.spawnWorker(always ? '--full-first' : '--full-if-changed')
    const stuck = setTimeout(() => worker.child.kill('SIGKILL'), FULL_RENDER_TIMEOUT_MS)
    try {
      const result = await worker.startup
      const reason = result.reason ? `门户启动：${result.reason}` : planned
      await this.update({ ids: [record.id] }, { state: 'done', reason, pages: result.pages, removed: result.removed, ms: result.ms, finishedAt: now() })
      this.startupFullDone = true
      this.startupFailuresInRow = 0
      // Everything queued before the worker started is in what it rendered.
      await this.markCovered(covered, worker, record.id)
      if (result.full) {
        const reading = result.loadMs === undefined ? '' : `（其中读取内容 ${result.loadMs} 毫秒）`
        this.logger.info(`门户全量生成完成：${result.pages} 页，用时 ${result.ms} 毫秒${reading}`)
      } else {
        this.logger.info(`门户启动补生成完成（未全量生成）：重新生成 ${result.pages} 页，删除 ${result.removed} 页，用时 ${result.ms} 毫秒`)
      }
    } catch (error) {
      this.startupFailuresInRow++
      await this.update({ ids: [record.id] }, { state: 'failed', error: (error as Error).message, finishedAt: now() })
      const delay = startupRetryDelay(this.startupFailuresInRow, this.settings.startupRetryMs)
      this.startupRetryAt = Date.now() + delay
      this.logger.error(`门户启动生成失败（连续第 ${this.startupFailuresInRow} 次），${retryIn(delay)}后重试：${(error as Error).message}`)
      await worker.stop()
      if (this.worker === worker) this.worker = undefined
    } finally {
      clearTimeout(stuck)
    }
  }
}

const retryIn = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} 秒` : `${Math.round(ms / 60_000)} 分钟`)
