// One portal build: `astro build` of site/ as a child process, reading this CMS's public API,
// into a folder of its own.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { BuildRunner } from './builder'
import type { SiteBuildSettings } from './settings'

/** A build that takes longer than this is stuck (10k news build in about a minute). */
const BUILD_TIMEOUT_MS = 20 * 60_000
/** The CMS is started before it answers HTTP; the startup build waits for it. */
const CMS_WAIT_MS = 120_000

/** Secrets the build has no use for stay in the CMS process. */
const NOT_FOR_THE_BUILD = ['PAYLOAD_SECRET', 'PREVIEW_SECRET', 'DATABASE_URL', 'MONGODB_URL', 'SEED_PASSWORD', 'PORT']

/** astro's CLI script, run with this Node (the project's Node 24) rather than whatever `node` is on PATH. */
function astroCli(siteDir: string): string {
  for (let dir = siteDir; ; dir = path.dirname(dir)) {
    const cli = path.join(dir, 'node_modules/astro/bin/astro.mjs')
    if (fs.existsSync(cli)) return cli
    if (path.dirname(dir) === dir) throw new Error(`在 ${siteDir} 找不到 astro，请先运行 npm ci`)
  }
}

async function waitForCms(cmsUrl: string): Promise<void> {
  const deadline = Date.now() + CMS_WAIT_MS
  let problem = ''
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${cmsUrl}/api/globals/site-settings?depth=0`)
      await response.arrayBuffer()
      if (response.ok) return
      problem = `返回 ${response.status}`
    } catch (error) {
      problem = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`无法连接内容管理系统 ${cmsUrl}（${problem}）`)
}

/** The line of the build's output that best says why it failed. */
function reasonFrom(output: string[]): string | undefined {
  const lines = output.map((line) => line.trim()).filter(Boolean)
  return [...lines].reverse().find((line) => /error|错误|失败|无法/i.test(line)) ?? lines.at(-1)
}

const buildTimedOut = (ms: number) => `构建超过 ${ms / 60_000} 分钟未完成，已终止`

export function astroBuild(settings: SiteBuildSettings): BuildRunner {
  return async ({ outDir, onStart }) => {
    await waitForCms(settings.cmsUrl)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CMS_URL: settings.cmsUrl,
      SITE_OUT_DIR: outDir,
      SITE_CACHE_DIR: settings.cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    }
    if (settings.mediaDir) env.MEDIA_DIR = settings.mediaDir
    for (const name of NOT_FOR_THE_BUILD) delete env[name]
    for (const name of Object.keys(env)) if (name.startsWith('__NEXT')) delete env[name]

    // astro build makes the server bundle; the renderer then renders every page with it into
    // <build>/site (site/render/, served by site/scripts/serve.ts). Each step in its own process group.
    const steps: [label: string, args: string[], extraEnv: Record<string, string>][] = [
      ['astro build', [astroCli(settings.siteDir), 'build'], {}],
      ['页面生成', [path.join(settings.siteDir, 'scripts/render.ts'), '--full'], { SITE_BUILD_DIR: outDir, SITE_OUT: path.join(outDir, 'site') }],
    ]
    for (const [label, args, extraEnv] of steps) await runStep(label, args, { ...env, ...extraEnv }, settings.siteDir, onStart)
  }
}

async function runStep(label: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, onStart: (pid: number) => void) {
  {
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // already gone
      }
    }
    // A CMS that stops takes its build with it.
    const onExit = () => killGroup('SIGTERM')
    process.once('exit', onExit)
    if (child.pid) onStart(child.pid)

    const tail: string[] = []
    let partial = ''
    const collect = (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n')
      partial = lines.pop() ?? ''
      tail.push(...lines)
      if (tail.length > 200) tail.splice(0, tail.length - 200)
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)

    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup('SIGKILL')
    }, BUILD_TIMEOUT_MS)
    try {
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
        child.once('error', reject)
        child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]))
      })
      if (partial) tail.push(partial)
      // The short reason is for the admin; the end of the output goes to the log.
      const failed = (message: string) => Object.assign(new Error(message), { output: tail.slice(-40).join('\n') })
      if (timedOut) throw failed(buildTimedOut(BUILD_TIMEOUT_MS))
      if (signal) throw failed(`构建进程被终止（${signal}）`)
      if (code !== 0) throw failed(`${label} 失败（退出码 ${code}）：${reasonFrom(tail) ?? '没有输出'}`)
    } finally {
      clearTimeout(timer)
      process.off('exit', onExit)
      // Whatever the build left running (it never should) goes with it.
      killGroup('SIGKILL')
    }
  }
}
