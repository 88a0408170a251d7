// One full render (`node site/scripts/render.ts --full`) into a given output folder: it prints one
// JSON line {"ok":true,"pages":N,"ms":T} and exits 0, or {"ok":false,"error":"…"} and fails.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { MANIFEST_FILE } from '../../../site/render/manifest'
import type { SiteRenderSettings } from './settings'
import { type FullRenderResult, rendererEnv, type WorkerLogger } from './worker'

/** A full render of 10k news takes well under a minute; this long means it is stuck. */
export const FULL_RENDER_TIMEOUT_MS = 20 * 60_000


export const manifestPath = (outDir: string) => path.join(outDir, MANIFEST_FILE)
export const hasManifest = (outDir: string) => fs.existsSync(/*turbopackIgnore: true*/ manifestPath(outDir))

export function rendererEnvFor(settings: SiteRenderSettings, outDir: string): NodeJS.ProcessEnv {
  return rendererEnv({ CMS_URL: settings.cmsUrl, SITE_URL: settings.siteUrl, SITE_OUT: outDir, MEDIA_DIR: settings.mediaDir })
}

export function fullRender(settings: SiteRenderSettings, outDir: string, logger: WorkerLogger): Promise<FullRenderResult> {
  const child = spawn(process.execPath, settings.fullCommand, { cwd: settings.siteDir, env: rendererEnvFor(settings, outDir), stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  const tail: string[] = []
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logger.info(`[render --full] ${line}`), tail.push(line)
    if (tail.length > 20) tail.splice(0, tail.length - 20)
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), FULL_RENDER_TIMEOUT_MS)
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`无法启动全量渲染：${error.message}`)))
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      const last = stdout.trim().split('\n').reverse().find((line) => line.startsWith('{'))
      let summary: { ok?: boolean; pages?: number; ms?: number; error?: string } = {}
      try {
        summary = last ? JSON.parse(last) : {}
      } catch {
        // fall through to the exit code
      }
      if (code === 0 && summary.ok) return resolve({ pages: summary.pages ?? 0, ms: summary.ms ?? 0 })
      reject(new Error(summary.error ?? (signal ? `全量渲染进程被终止（${signal}）` : `全量渲染失败（退出码 ${code}）：${tail.at(-1) ?? '没有输出'}`)))
    })
  })
}
