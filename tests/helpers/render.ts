// The portal's renderer (site/render/, site/scripts/render.ts) driven as the CMS drives it: a
// full render, or a long-running worker answering one JSON line per change set.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { promisify } from 'node:util'

import { type Manifest, readManifest as readSiteManifest } from '../../site/render/manifest'
import { wantsCopies } from '../../site/render/objects'
import { siteDir } from './paths'
import type { RunningCms } from './server'

const run = promisify(execFile)
const renderScript = path.join(siteDir, 'scripts/render.ts')

export type { Manifest }

const renderEnv = (cms: RunningCms, buildDir: string, outDir: string, extra: Record<string, string> = {}) => {
  const { SITE_URL: _url, ...env } = process.env
  return { ...env, CMS_URL: cms.url, SITE_BUILD_DIR: buildDir, SITE_OUT: outDir, MEDIA_DIR: path.join(cms.dir, 'media'), ...extra }
}

/** `render.ts --full` into `outDir` (`extra`: more environment; `args`: e.g. --compress, as a deploy renders); its one-line summary. */
export async function renderFull(cms: RunningCms, buildDir: string, outDir: string, extra: Record<string, string> = {}, args: string[] = []): Promise<{ ok: boolean; pages: number; ms: number }> {
  const { stdout } = await run(process.execPath, [renderScript, '--full', ...args], { env: renderEnv(cms, buildDir, outDir, extra), maxBuffer: 20 * 1024 * 1024 })
  return JSON.parse(stdout.trim().split('\n').at(-1)!)
}

export type WorkerAnswer = { seq: number; ok: boolean; rendered?: number; removed?: number; ms?: number; urls?: string[]; error?: string }
export type Change = { kind: 'doc'; collection: string; id: string | number } | { kind: 'global'; slug: string }

/** What a worker said of its start: {"start","reason"}, then {"full",…} or {"caughtUp",…}. */
export type WorkerStart = { start?: 'full' | 'catch-up'; reason?: string; full?: boolean; caughtUp?: boolean; pages?: number; rendered?: number; removed?: number }

export type RenderWorker = {
  child: ChildProcess
  /** Its start-up messages, in order. */
  startup: WorkerStart[]
  send: (changes: Change[]) => Promise<WorkerAnswer>
  /** Sends without waiting (to kill the worker mid-render). */
  post: (changes: Change[]) => number
  log: () => string
  stop: () => Promise<void>
}

/** `render.ts --worker` on `outDir` (`args`: e.g. --full-if-changed), once it says it is ready. */
export async function startRenderWorker(cms: RunningCms, buildDir: string, outDir: string, args: string[] = []): Promise<RenderWorker> {
  const child = spawn(process.execPath, [renderScript, '--worker', ...args], { env: renderEnv(cms, buildDir, outDir), stdio: ['pipe', 'pipe', 'pipe'] })
  const startup: WorkerStart[] = []
  let log = ''
  child.stderr!.on('data', (chunk) => (log += chunk))
  const waiting = new Map<number, (answer: WorkerAnswer) => void>()
  let onReady: ((ready: boolean) => void) | undefined
  const ready = new Promise<boolean>((resolve) => (onReady = resolve))
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const message = JSON.parse(line)
    if (message.ready) return onReady?.(true)
    if (message.start !== undefined || message.full || message.caughtUp) return void startup.push(message)
    if (message.seq === undefined) return onReady?.(false)
    waiting.get(message.seq)?.(message)
    waiting.delete(message.seq)
  })
  child.once('exit', () => onReady?.(false))
  if (!(await ready)) throw new Error(`render worker did not start:\n${log}`)
  let seq = 0
  const post = (changes: Change[]) => {
    const id = ++seq
    child.stdin!.write(`${JSON.stringify({ seq: id, changes })}\n`)
    return id
  }
  return {
    child,
    startup,
    post,
    send: (changes) => new Promise((resolve) => waiting.set(post(changes), resolve)),
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.stdin!.end()
      await exited
    },
  }
}

export function readManifest(outDir: string): Manifest {
  const manifest = readSiteManifest(outDir)
  if (!manifest) throw new Error(`no readable manifest in ${outDir}`)
  return manifest
}

/** The body a URL is served with (from the manifest), as text. */
export function pageText(outDir: string, manifest: Manifest, url: string): string | undefined {
  const page = manifest.pages[url]
  return page && fs.readFileSync(path.join(outDir, 'objects', page.object), 'utf8')
}

/** URLs whose rendered bytes differ between two outputs (or exist in one only). */
export function manifestDifferences(a: Manifest, b: Manifest): string[] {
  const urls = new Set([...Object.keys(a.pages), ...Object.keys(b.pages)])
  return [...urls].filter((url) => a.pages[url]?.object !== b.pages[url]?.object).sort()
}

/** URLs (of `urls`, or all) whose object should have brotli and gzip copies beside it but lacks one. */
export function missingCopies(outDir: string, manifest: Manifest, urls = Object.keys(manifest.pages)): string[] {
  return urls.filter((url) => {
    const page = manifest.pages[url]
    if (!page) return false
    const file = path.join(outDir, 'objects', page.object)
    return wantsCopies(page.type, fs.statSync(file).size) && !(fs.existsSync(`${file}.br`) && fs.existsSync(`${file}.gz`))
  })
}

/** Whether an output folder holds any compressed copy. */
export const hasCopies = (outDir: string) => fs.readdirSync(path.join(outDir, 'objects')).some((file) => /\.(br|gz)$/.test(file))
