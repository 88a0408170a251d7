// `npm start`: one command from a fresh clone to a running CMS (with demo content) and portal.
// Runs on Node 24 directly (type stripping), so only erasable TypeScript is used here.
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { liveBuildId } from '../src/siteBuild/builds.ts'
import { readSiteBuildStatus } from '../src/siteBuild/status.ts'

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

/**
 * The CMS builds the portal as it starts (and again after every publish). Waits for that first
 * build; if it fails, the previous build is served when there is one, otherwise start-up stops.
 */
async function waitForStartupBuild(buildsDir: string, since: number, minutes: number): Promise<void> {
  const deadline = Date.now() + minutes * 60_000
  while (Date.now() < deadline) {
    const status = readSiteBuildStatus(buildsDir)
    if (status?.lastSuccessAt && Date.parse(status.lastSuccessAt) >= since && liveBuildId(buildsDir)) return
    if (status?.state === 'failed' && status.lastFailureAt && Date.parse(status.lastFailureAt) >= since) {
      if (!liveBuildId(buildsDir)) throw new Error(`门户构建失败：${status.lastError}（详见上方内容管理系统的日志）`)
      console.warn(`[六善] 门户构建失败：${status.lastError}\n[六善] 暂时提供上一次生成的门户，系统会自动重试。`)
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`门户在 ${minutes} 分钟内没有生成`)
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
  // Each portal build gets a folder here; `live` points at the one being served (see README, 站点自动更新).
  const buildsDir = path.resolve(process.env.SITE_BUILDS_DIR ?? path.join(site, 'builds'))

  await assertPortFree(cmsPort, 'PORT')
  await assertPortFree(sitePort, 'SITE_PORT')

  say('1/4 准备数据库（执行迁移）并载入演示数据…')
  await run('payload', ['run', 'src/seed/run.ts'], cms)

  say('2/4 构建内容管理系统（首次约需数分钟，之后使用缓存）…')
  await run('turbo', ['run', 'build', '--filter=@liushan/cms', '--output-logs=errors-only'], root)

  say(`3/4 启动内容管理系统 ${cmsUrl} …`)
  const cmsStartedAt = Date.now()
  // SITE_AUTO_BUILD: this CMS rebuilds the portal whenever published content changes.
  serve('next', ['start', '--port', String(cmsPort)], cms, {
    PORT: String(cmsPort),
    SITE_AUTO_BUILD: '1',
    SITE_DIR: site,
    SITE_BUILDS_DIR: buildsDir,
  })
  await waitFor(`${cmsUrl}/api/news?limit=1`, 120)

  say('4/4 从内容管理系统生成门户网站（之后每次发布、修改、撤稿都会自动更新）…')
  await waitForStartupBuild(buildsDir, cmsStartedAt, 15)
  serve('node', ['scripts/serve.ts'], site, { PORT: String(sitePort), HOST: '0.0.0.0', SITE_BUILDS_DIR: buildsDir })
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
