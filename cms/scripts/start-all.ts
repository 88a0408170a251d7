// `npm start`: one command from a fresh clone to a running CMS (with demo content) and portal.
// Runs on Node 24 directly (type stripping), so only erasable TypeScript is used here.
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

import { astroBuildKey } from '../src/secret.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const cmsPort = Number(process.env.PORT ?? 3000)
const sitePort = Number(process.env.SITE_PORT ?? 4321)
const cmsUrl = `http://localhost:${cmsPort}`
const localSiteUrl = `http://localhost:${sitePort}`
// The portal's public address: what canonical links, og:url, sitemaps, robots.txt, RSS, .ics and
// preview links say. The CMS and every portal build it starts get it from here.
const siteUrl = (process.env.SITE_URL || localSiteUrl).replace(/\/+$/, '')
const bin = path.join(root, 'node_modules/.bin')
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
  CMS_URL: cmsUrl,
  SITE_URL: siteUrl,
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
}

const children: ChildProcess[] = []
let stopping = false

const say = (message: string) => console.log(`\n[六善] ${message}`)

function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, stdio: 'inherit' })
    children.push(child)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} 失败（退出码 ${code ?? signal}）`)),
    )
  })
}

function serve(command: string, args: string[], cwd: string, extraEnv: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, stdio: 'inherit' })
  children.push(child)
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[六善] ${command} 意外退出（退出码 ${code}），正在停止全部服务。`)
      stop(1)
    }
  })
  return child
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} 在 ${seconds} 秒内没有响应`)
}

/** When the render worker started since `since` said it was ready (site/scripts/render.ts writes ready.json), if it has. */
function workerReadyAt(outDir: string, since: number): number | undefined {
  try {
    const { readyAt } = JSON.parse(fs.readFileSync(path.join(outDir, 'ready.json'), 'utf8'))
    return typeof readyAt === 'number' && readyAt >= since ? readyAt : undefined
  } catch {
    return undefined
  }
}

/**
 * The CMS brings the portal up to date as it starts (SITE_RENDER_FULL_AT_START): in full when the
 * templates changed or there is no portal yet (manifest.json rewritten), else only what changed
 * while it was down (the manifest may stay as it was); after that every publish re-renders only
 * what it touched. Waits until its render worker says it is ready (or a new manifest is in place);
 * if the render fails and an older manifest exists, that one is served meanwhile.
 */
async function waitForStartupRender(outDir: string, since: number, minutes: number): Promise<void> {
  const manifest = path.join(outDir, 'manifest.json')
  const deadline = Date.now() + minutes * 60_000
  while (Date.now() < deadline) {
    const written = fs.statSync(manifest, { throwIfNoEntry: false })?.mtimeMs
    if ((written && written >= since) || workerReadyAt(outDir, since)) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  if (fs.existsSync(manifest)) {
    console.warn('[六善] 门户全量生成尚未完成（详见上方内容管理系统的日志），暂时提供上一次生成的门户。')
    return
  }
  throw new Error(`门户在 ${minutes} 分钟内没有生成（详见上方内容管理系统的日志）`)
}

/** Refuses early and plainly when a port is taken, rather than talking to someone else's server. */
function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', () => reject(new Error(`端口 ${port} 已被占用。请关闭占用它的程序，或设置环境变量 ${variable} 换一个端口。`)))
    probe.listen(port, () => probe.close(() => resolve()))
  })
}

function stop(code = 0) {
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 1500).unref()
}

process.on('SIGINT', () => (say('正在停止…'), stop(0)))
process.on('SIGTERM', () => stop(0))

try {
  const cms = path.join(root, 'cms')
  const site = path.join(root, 'site')
  // Rendered pages (content-addressed objects) and manifest.json, which the portal server serves (README, 站点自动更新).
  const outDir = path.resolve(process.env.SITE_OUT ?? path.join(site, 'live'))

  await assertPortFree(cmsPort, 'PORT')
  await assertPortFree(sitePort, 'SITE_PORT')

  say('1/4 准备数据库（执行迁移）并载入演示数据…')
  await run('payload', ['run', 'src/seed/run.ts'], cms)

  say('2/4 构建内容管理系统和门户模板（首次约需数分钟，之后使用缓存）…')
  await run('turbo', ['run', 'build', '--filter=@liushan/cms', '--output-logs=errors-only'], root)
  await run('astro', ['build'], site, { ASTRO_KEY: astroBuildKey() })

  say(`3/4 启动内容管理系统 ${cmsUrl} …`)
  const cmsStartedAt = Date.now()
  // The CMS brings the portal up to date now (in full if the templates changed), then renders each change as it is published.
  // SITE_RENDER_FULL_AT_START=always in the environment renders everything at every start.
  serve('next', ['start', '--port', String(cmsPort)], cms, {
    PORT: String(cmsPort),
    SITE_DIR: site,
    SITE_OUT: outDir,
    SITE_RENDER_FULL_AT_START: process.env.SITE_RENDER_FULL_AT_START === 'always' ? 'always' : '1',
  })
  await waitFor(`${cmsUrl}/api/news?limit=1`, 120)

  say('4/4 从内容管理系统生成门户网站（模板未变时只补上停机期间的更改；之后每次发布、修改、撤稿都会自动更新）…')
  await waitForStartupRender(outDir, cmsStartedAt, 15)
  serve('node', ['scripts/serve.ts'], site, { PORT: String(sitePort), HOST: '0.0.0.0', SITE_OUT: outDir })
  await waitFor(localSiteUrl, 60)

  console.log(`
==============================================================
 湖西县人民法院“六善”宣传平台已启动

 门户网站：    ${siteUrl}
 管理后台：    ${cmsUrl}/admin
 内容接口：    ${cmsUrl}/api/news

 演示账号（每个角色一个）：
   管理员 admin@example.com     编辑 editor@example.com
   审核   reviewer@example.com  签发 approver@example.com
   通讯员 contributor@example.com
 密码：${process.env.SEED_PASSWORD ? '环境变量 SEED_PASSWORD 的值' : '首次载入演示数据时在上方显示（仅显示一次）'}

 按 Ctrl-C 停止全部服务。
==============================================================`)
} catch (error) {
  console.error(`\n[六善] 启动失败：${(error as Error).message}`)
  stop(1)
}
