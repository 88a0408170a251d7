// Publish → live: turns "something public changed" into portal builds. Bursts of changes
// coalesce into one build; one build runs at a time; a change arriving during a build causes
// exactly one more build after it; a failed build is logged, shown in the admin and retried
// with backoff; only a complete build goes live (see builds.ts).
import path from 'node:path'

import { assertCompleteBuild, liveBuildId, newBuildId, publishBuild, removeOldBuilds } from './builds'
import { readSiteBuildStatus, type SiteBuildStatus, writeSiteBuildStatus } from './status'

export type BuildLogger = { info: (message: string) => void; error: (message: string) => void }

/** Runs one build into `outDir`; reports the process group it started; rejects with a short reason. */
export type BuildRunner = (build: { id: string; outDir: string; onStart: (pid: number) => void }) => Promise<void>

export type RequestOptions = {
  /** Build without waiting for more changes (startup). */
  immediate?: boolean
  /**
   * True once the change is visible to other readers. Hooks run inside the request's database
   * transaction; a build that read the CMS before the commit would miss the change for good.
   */
  settled?: () => boolean
}

export type SiteBuilderOptions = {
  buildsDir: string
  run: BuildRunner
  logger: BuildLogger
  /**
   * Quiet time after a change before building, so a bulk publish (one hook per item, tens of
   * milliseconds apart) becomes one build. Kept short, as it is added to every publish-to-live
   * time; whatever arrives later joins the one follow-up build anyway.
   */
  debounceMs?: number
  /** A steady stream of changes still gets built at least this often. */
  maxWaitMs?: number
  /** Waits before each retry of a failed build; after the last one, the next change tries again. */
  retryDelaysMs?: number[]
  /** How long to wait for a change's transaction to commit before building anyway. */
  settleTimeoutMs?: number
}

export class SiteBuilder {
  readonly buildsDir: string
  private readonly run: BuildRunner
  private readonly logger: BuildLogger
  private readonly debounceMs: number
  private readonly maxWaitMs: number
  private readonly retryDelaysMs: number[]
  private readonly settleTimeoutMs: number

  private phase: 'idle' | 'waiting' | 'building' = 'idle'
  /** A change arrived while the build was running: build once more afterwards. */
  private again = false
  private firstRequestAt: number | undefined
  private timer: NodeJS.Timeout | undefined
  private retryTimer: NodeJS.Timeout | undefined
  private unsettled: (() => boolean)[] = []
  private failuresInRow = 0
  private status: SiteBuildStatus
  private idleWaiters: (() => void)[] = []
  private cleaning: Promise<void> = Promise.resolve()

  constructor(options: SiteBuilderOptions) {
    this.buildsDir = options.buildsDir
    this.run = options.run
    this.logger = options.logger
    this.debounceMs = options.debounceMs ?? 300
    this.maxWaitMs = options.maxWaitMs ?? 5_000
    this.retryDelaysMs = options.retryDelaysMs ?? [5_000, 20_000, 60_000]
    this.settleTimeoutMs = options.settleTimeoutMs ?? 30_000
    // Keep the history of an earlier server run (last success, last failure); the state is ours.
    const previous = readSiteBuildStatus(this.buildsDir)
    this.status = {
      state: previous?.state === 'failed' ? 'failed' : 'idle',
      pending: false,
      lastSuccessAt: previous?.lastSuccessAt,
      durationMs: previous?.durationMs,
      liveBuild: liveBuildId(this.buildsDir),
      lastFailureAt: previous?.lastFailureAt,
      lastError: previous?.lastError,
      updatedAt: new Date().toISOString(),
    }
    this.save({})
  }

  /** Something public changed (`reason` is for the log): build soon. */
  request(reason: string, options: RequestOptions = {}): void {
    this.logger.info(`门户更新：${reason}`)
    if (options.settled) this.unsettled.push(options.settled)
    // A new change earns a fresh set of retries.
    this.failuresInRow = 0
    if (this.phase === 'building') {
      this.again = true
      this.save({ pending: true })
      return
    }
    // Still waiting for an earlier change to commit: this one joins that build.
    if (this.phase === 'waiting') return
    this.schedule(options.immediate ? 0 : this.debounceMs)
  }

  /** Resolves when no build is running or waiting to run, and old builds are removed (tests). */
  async whenIdle(): Promise<void> {
    if (this.phase !== 'idle' || this.timer) await new Promise<void>((resolve) => this.idleWaiters.push(resolve))
    await this.cleaning
  }

  current(): SiteBuildStatus {
    return { ...this.status }
  }

  /** Stops timers (tests, shutdown); a running build finishes or is killed by its runner. */
  stop(): void {
    clearTimeout(this.timer)
    clearTimeout(this.retryTimer)
    this.timer = this.retryTimer = undefined
  }

  private schedule(delayMs: number): void {
    const now = Date.now()
    this.firstRequestAt ??= now
    const at = Math.min(now + delayMs, this.firstRequestAt + this.maxWaitMs)
    clearTimeout(this.timer)
    clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    this.timer = setTimeout(() => void this.build(), Math.max(0, at - now))
    this.save({ pending: true, nextRetryAt: undefined })
  }

  private async build(): Promise<void> {
    this.timer = undefined
    this.firstRequestAt = undefined
    this.phase = 'waiting'
    await this.waitUntilSettled()

    this.phase = 'building'
    this.again = false
    const id = newBuildId()
    const outDir = path.join(this.buildsDir, id)
    const started = Date.now()
    this.save({ state: 'building', pending: false, buildId: id, startedAt: new Date(started).toISOString(), pid: undefined, nextRetryAt: undefined })
    this.logger.info(`门户构建开始：${id}`)
    try {
      await this.run({ id, outDir, onStart: (pid) => this.save({ pid }) })
      assertCompleteBuild(outDir)
      const previous = liveBuildId(this.buildsDir)
      publishBuild(this.buildsDir, id)
      this.failuresInRow = 0
      const durationMs = Date.now() - started
      this.save({
        state: 'idle',
        buildId: undefined,
        startedAt: undefined,
        pid: undefined,
        lastSuccessAt: new Date().toISOString(),
        durationMs,
        liveBuild: id,
        failures: undefined,
        nextRetryAt: undefined,
      })
      this.logger.info(`门户已更新：${id}，用时 ${(durationMs / 1000).toFixed(1)} 秒`)
      // In the background: deleting a 10k-news build takes seconds, and the next change should
      // not wait for it. It only touches folders that existed now, so never the next build's.
      // A failure here is never a reason to call the build failed.
      this.cleaning = removeOldBuilds(this.buildsDir, [id, previous]).then(
        () => undefined,
        (error: Error) => this.logger.error(`无法删除旧的门户版本：${error.message}`),
      )
    } catch (error) {
      this.failuresInRow++
      const message = shortReason(error)
      const delay = this.again ? undefined : this.retryDelaysMs[this.failuresInRow - 1]
      this.save({
        state: 'failed',
        buildId: undefined,
        startedAt: undefined,
        pid: undefined,
        lastFailureAt: new Date().toISOString(),
        lastError: message,
        failures: this.failuresInRow,
        nextRetryAt: delay === undefined ? undefined : new Date(Date.now() + delay).toISOString(),
      })
      const output = (error as { output?: string }).output
      this.logger.error(
        `门户构建失败（连续第 ${this.failuresInRow} 次）：${message}${delay === undefined ? '' : `；${delay / 1000} 秒后重试`}` +
          (output ? `\n${output}` : ''),
      )
      if (delay !== undefined) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined
          this.schedule(0)
        }, delay)
      }
    } finally {
      this.phase = 'idle'
    }
    if (this.again) {
      this.again = false
      // These changes have waited for the whole previous build already.
      this.schedule(0)
    } else {
      this.save({ pending: false })
      for (const resolve of this.idleWaiters.splice(0)) resolve()
    }
  }

  private async waitUntilSettled(): Promise<void> {
    const deadline = Date.now() + this.settleTimeoutMs
    while (this.unsettled.length && Date.now() < deadline) {
      this.unsettled = this.unsettled.filter((settled) => !settled())
      if (this.unsettled.length) await new Promise((resolve) => setTimeout(resolve, 25))
    }
    if (this.unsettled.length) this.logger.error(`门户构建：等待数据库事务提交超过 ${this.settleTimeoutMs / 1000} 秒，仍开始构建`)
    this.unsettled = []
  }

  private save(change: Partial<SiteBuildStatus>): void {
    this.status = { ...this.status, ...change, updatedAt: new Date().toISOString() }
    try {
      writeSiteBuildStatus(this.buildsDir, this.status)
    } catch (error) {
      this.logger.error(`无法写入门户构建状态：${(error as Error).message}`)
    }
  }
}

/** One line for the admin: the message, without colour codes, cut to a readable length. */
export function shortReason(error: unknown): string {
  // eslint-disable-next-line no-control-regex
  const text = String((error as Error)?.message ?? error).replace(/\u001b\[[0-9;]*m/g, '').trim()
  return text.length > 300 ? `${text.slice(0, 297)}…` : text
}
