// The render worker child (`node site/scripts/render.ts --worker`, I12-CONTRACT part A) and its
// JSON-lines protocol: it prints {"ready":true} once loaded, then answers each request line
// {"seq","changes"} with {"seq","ok",...}. Started with `--full-first`, it renders every page first
// and says {"full":true,"pages","ms"}; with `--full-if-changed` it first says which it does and why
// ({"start":"full"|"catch-up","reason"}), then {"full":true,…} or {"caughtUp":true,"rendered",…}.
// One that cannot start says {"ok":false,"error"} and exits.
// Its stderr goes to our log.
import { type ChildProcess, spawn } from 'node:child_process'
import readline from 'node:readline'

import type { SiteChange } from './changes'

export type WorkerResult =
  | { seq: number; ok: true; rendered: number; removed: number; ms: number; urls: string[] }
  | { seq: number; ok: false; error: string }

/** A full render's figures; `loadMs` (from a worker's full render): of `ms`, the time spent reading the content from the CMS. */
export type FullRenderResult = { pages: number; ms: number; loadMs?: number }

/** How a worker brought the output up to date as it started: every page, or what changed while none ran; and why. */
export type StartupResult = { full: boolean; reason: string; pages: number; removed: number; ms: number; loadMs?: number; reported: boolean }

export type WorkerLogger = { info: (message: string) => void; error: (message: string) => void }

/** Secrets the renderer has no use for stay in the CMS process. */
const NOT_FOR_THE_RENDERER = ['PAYLOAD_SECRET', 'PREVIEW_SECRET', 'DATABASE_URL', 'MONGODB_URL', 'SEED_PASSWORD', 'PORT']

export function rendererEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' }
  for (const name of NOT_FOR_THE_RENDERER) delete env[name]
  for (const name of Object.keys(env)) if (name.startsWith('__NEXT')) delete env[name]
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value
  return env
}

export class RenderWorker {
  readonly child: ChildProcess
  /** Resolves when the worker said it is ready; rejects if it died first. */
  readonly ready: Promise<void>
  /** With `--full-first`: resolves when its full render is published; rejects if it died first. */
  readonly fullRendered: Promise<FullRenderResult>
  /** Resolves once its start-up render (full or catch-up) is published, at the latest with ready; rejects if it died first. */
  readonly startup: Promise<StartupResult>
  /** Resolves with the exit code or signal when the child is gone. */
  readonly exited: Promise<string>
  private waiting = new Map<number, { resolve: (result: WorkerResult) => void; reject: (error: Error) => void }>()
  private gone = false

  constructor(command: string[], env: NodeJS.ProcessEnv, cwd: string, logger: WorkerLogger) {
    // This Node (the project's Node 24), whatever `node` is on PATH.
    this.child = spawn(process.execPath, command, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let markReady: () => void
    let failReady: (error: Error) => void
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve
      failReady = reject
    })
    let markFull: (result: FullRenderResult) => void
    let failFull: (error: Error) => void
    this.fullRendered = new Promise<FullRenderResult>((resolve, reject) => {
      markFull = resolve
      failFull = reject
    })
    let markStartup: (result: StartupResult) => void
    let failStartup: (error: Error) => void
    this.startup = new Promise<StartupResult>((resolve, reject) => {
      markStartup = resolve
      failStartup = reject
    })
    /** What the worker said it would do ({"start"}). */
    let startReason = ''
    // A rejection nobody awaited must not crash the CMS.
    this.ready.catch(() => undefined)
    this.fullRendered.catch(() => undefined)
    this.startup.catch(() => undefined)
    /** Why it could not start, in its own words. */
    let startError: string | undefined
    this.exited = new Promise((resolve) => {
      const done = (how: string) => {
        if (this.gone) return
        this.gone = true
        const error = new Error(startError ?? `渲染进程意外退出（${how}）`)
        failReady(error)
        failFull(error)
        failStartup(error)
        for (const waiter of this.waiting.values()) waiter.reject(error)
        this.waiting.clear()
        resolve(how)
      }
      this.child.once('exit', (code, signal) => done(signal ?? `退出码 ${code}`))
      this.child.once('error', (error) => done(error.message))
    })
    this.child.stdin!.on('error', () => undefined)

    readline.createInterface({ input: this.child.stdout! }).on('line', (line) => {
      let message: { ready?: boolean; full?: boolean; start?: string; reason?: string; caughtUp?: boolean; rendered?: number; removed?: number; seq?: number; pages?: number; ms?: number; loadMs?: number; error?: string } & Partial<WorkerResult>
      try {
        message = JSON.parse(line)
      } catch {
        logger.info(`[render] ${line}`)
        return
      }
      if (message.ready) {
        // A worker that said nothing of its start (nothing to catch up, or an older one) has caught up.
        markStartup({ full: false, reason: startReason, pages: 0, removed: 0, ms: 0, reported: false })
        return markReady()
      }
      if (message.start !== undefined) {
        startReason = message.reason ?? ''
        logger.info(`门户启动：${startReason}`)
        return
      }
      if (message.full) {
        const full = { pages: message.pages ?? 0, ms: message.ms ?? 0, loadMs: message.loadMs }
        markStartup({ full: true, reason: startReason, removed: 0, ...full, reported: true })
        return markFull(full)
      }
      if (message.caughtUp) {
        return markStartup({ full: false, reason: startReason, pages: message.rendered ?? 0, removed: message.removed ?? 0, ms: message.ms ?? 0, reported: true })
      }
      if (message.seq === undefined && message.ok === false) {
        startError = message.error || '渲染进程启动失败（未说明原因）'
        return
      }
      const waiter = message.seq === undefined ? undefined : this.waiting.get(message.seq)
      if (!waiter) return
      this.waiting.delete(message.seq!)
      waiter.resolve(message as WorkerResult)
    })
    readline.createInterface({ input: this.child.stderr! }).on('line', (line) => logger.info(`[render] ${line}`))
  }

  get alive(): boolean {
    return !this.gone
  }

  render(seq: number, changes: SiteChange[]): Promise<WorkerResult> {
    if (this.gone) return Promise.reject(new Error('渲染进程已退出'))
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject })
      this.child.stdin!.write(`${JSON.stringify({ seq, changes })}\n`)
    })
  }

  async stop(): Promise<void> {
    if (this.gone) return
    this.child.stdin!.end()
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000)
    await this.exited
    clearTimeout(timer)
  }
}
