import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'

import { paragraphsToLexical } from '../../cms/src/seed/lexical'
import { testPassword } from '../../cms/src/testing/fixtures'
import { startTestPayload } from '../../cms/src/testing/testPayload'
import { binDir, cmsDir, repoRoot } from '../helpers/paths'
import { machineStealMs, processTreeCpuMs } from './processCpu'
import { startBuiltCms } from '../helpers/server'
import { letEventLoopTurn, median, perSecond, round, summarize, type Summary } from './stats'

export type Log = (message: string) => void
export type Table = { title: string; head: string[]; rows: (string | number)[][] }

// CMS_BENCH_SIZES=1000,10000,50000 adds sizes (ascending; the database grows from one to the next).
const SIZES = (process.env.CMS_BENCH_SIZES ?? '1000,10000').split(',').map(Number)
if (SIZES.some((size, i) => !Number.isInteger(size) || size <= (SIZES[i - 1] ?? 0))) {
  throw new Error(`CMS_BENCH_SIZES must be ascending whole numbers, got ${process.env.CMS_BENCH_SIZES}`)
}
// A contributor's own unpublished items: the list shows them beside every published one.
const CONTRIBUTOR_DRAFTS = 20
// A server in use has long been warm: V8 compiles the hot paths fully only after some hundreds of
// requests, and with 10 the first rows measured mostly a warming server (README, 列表接口实测 第六轮).
// CMS_BENCH_WARMUP=10 gives the figures of the earlier rounds.
const WARMUP_REQUESTS = Number(process.env.CMS_BENCH_WARMUP ?? 200)
const LIST_REQUESTS = 200
const SEARCH_REQUESTS = 50
// Caps keep the whole run within minutes even when a query is pathologically slow;
// a capped set reports how many requests it did manage.
const WARMUP_BUDGET_MS = 30_000
const MEASURE_BUDGET_MS = 45_000
const PAGE_SIZE = 20
const SEARCH_TERM = '法院'
const PHOTO = { width: 4000, height: 3000, quality: 90 }
const UPLOAD_RUNS = 3

export type CreatePhase = { fromDocs: number; toDocs: number; seconds: number; docsPerSecond: number } & Summary
// serverCpuMsPerRequest: CPU time of the server's processes per measured request (null without /proc).
// stealPercent: share of this machine's CPU time the hypervisor gave to other VMs meanwhile (null without /proc).
export type QueryResult = { query: string; totalDocs: number; planned: number; timeCapped: boolean; requestsPerSecond: number; serverCpuMsPerRequest: number | null; stealPercent: number | null } & Summary
export type RestResult = { items: number; serverStartSeconds: number; queries: QueryResult[] }
export type UploadResult = { width: number; height: number; inputBytes: number; runsMs: number[]; medianMs: number }
export type CmsResults = { settings: typeof settings; create: CreatePhase[]; rest: RestResult[]; upload: UploadResult }

const settings = {
  sizes: SIZES,
  contributorDrafts: CONTRIBUTOR_DRAFTS,
  pageSize: PAGE_SIZE,
  warmupRequests: WARMUP_REQUESTS,
  listRequests: LIST_REQUESTS,
  searchRequests: SEARCH_REQUESTS,
  searchTerm: SEARCH_TERM,
  warmupBudgetMs: WARMUP_BUDGET_MS,
  measureBudgetMs: MEASURE_BUDGET_MS,
  photo: PHOTO,
  uploadRuns: UPLOAD_RUNS,
}

/**
 * One temp SQLite database throughout: 1k news → REST at 1k → grow to 10k → REST at 10k → photo uploads.
 * The Local API runs in this process; REST goes to the built CMS (`next start`) on the same file.
 */
export async function benchCms(log: Log): Promise<CmsResults> {
  ensureCmsBuilt(log)
  return withTestPayload(async (payload) => {
    const columnIds = await createColumns(payload)
    await createStaffWithDrafts(payload, columnIds)
    const create: CreatePhase[] = []
    const rest: RestResult[] = []

    for (const [i, size] of SIZES.entries()) {
      create.push(await createNews(payload, columnIds, SIZES[i - 1] ?? 0, size, log))
      rest.push(await measureRest(size, log))
    }
    const upload = await measureUploads(payload, log)
    return { settings, create, rest, upload }
  })
}

/** `work` with a Local API Payload on a temp SQLite database, which is removed afterwards (also on Ctrl-C). */
export async function withTestPayload<T>(work: (payload: Payload) => Promise<T>): Promise<T> {
  const { payload, dir, close } = await startTestPayload()
  // Ctrl-C during a run of several minutes should not leave a 50 MB database behind.
  const removeOnInterrupt = () => {
    fs.rmSync(dir, { recursive: true, force: true })
    process.exit(130)
  }
  process.once('SIGINT', removeOnInterrupt)
  try {
    return await work(payload)
  } finally {
    process.off('SIGINT', removeOnInterrupt)
    await close()
  }
}

/**
 * The built CMS (`next start`) on the database and uploads of the running test Payload.
 * startBuiltCms makes (and later removes) a temp dir of its own; these point it at ours instead.
 */
export const startBuiltCmsOnTestDb = () => startBuiltCms({ DATABASE_URL: process.env.DATABASE_URL!, MEDIA_DIR: process.env.MEDIA_DIR! })

export function cmsTables(results: CmsResults): Table[] {
  const { upload } = results
  return [
    {
      title: 'Local API create: published news, sequential (slug, version row, validation included)',
      head: ['phase', 'docs', 'seconds', 'docs/s', 'p50 ms', 'p95 ms', 'max ms'],
      rows: results.create.map((p) => [
        `${p.fromDocs.toLocaleString('en')} → ${p.toDocs.toLocaleString('en')}`,
        p.count, fixed(p.seconds), fixed(p.docsPerSecond), fixed(p.p50Ms), fixed(p.p95Ms), fixed(p.maxMs),
      ]),
    },
    {
      title: `REST over HTTP, built CMS (next start): GET /api/news?limit=${PAGE_SIZE}&depth=1, random page, sequential`,
      head: ['items', 'who, query', 'requests', 'p50 ms', 'p95 ms', 'max ms', 'req/s', 'server CPU ms/req', 'CPU steal %'],
      rows: results.rest.flatMap((r) =>
        r.queries.map((q) => [
          r.items, q.query, requestCount(q), fixed(q.p50Ms), fixed(q.p95Ms), fixed(q.maxMs), fixed(q.requestsPerSecond),
          q.serverCpuMsPerRequest === null ? '–' : fixed(q.serverCpuMsPerRequest),
          q.stealPercent === null ? '–' : fixed(q.stealPercent),
        ]),
      ),
    },
    {
      title:
        `Media upload via Local API: ${upload.width}×${upload.height} JPEG q${PHOTO.quality}, ` +
        `${(upload.inputBytes / 1024 / 1024).toFixed(2)} MiB (validation + thumbnail/card/hero WebP)`,
      head: ['run', 'ms'],
      rows: [...upload.runsMs.map((ms, i) => [`#${i + 1}`, fixed(ms)]), ['median', fixed(upload.medianMs)]],
    },
  ]
}

const fixed = (value: number) => value.toFixed(1)

const requestCount = (q: QueryResult) =>
  q.timeCapped ? `${q.count} of ${q.planned} (${MEASURE_BUDGET_MS / 1000} s cap)` : q.count

export function ensureCmsBuilt(log: Log) {
  const buildId = path.join(cmsDir, '.next/BUILD_ID')
  if (fs.existsSync(buildId)) return
  log('cms/.next/BUILD_ID is missing: running `npx turbo run build --filter=@liushan/cms` …')
  // Build output goes to stderr so stdout keeps only the figures.
  const build = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@liushan/cms'], {
    cwd: repoRoot,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH}` },
  })
  if (build.status !== 0 || !fs.existsSync(buildId)) {
    throw new Error('building the cms failed; run `npx turbo run build --filter=@liushan/cms` in the repo root and fix it first')
  }
}

// ---------------------------------------------------------------------------------------------
// Local API create throughput

const columnTitles = ['六善文化', '党建引领', '审判动态', '诉源治理', '普法宣传', '清廉法院', '媒体聚焦']

async function createColumns(payload: Payload): Promise<number[]> {
  const ids: number[] = []
  for (const [i, title] of columnTitles.entries()) {
    ids.push((await payload.create({ collection: 'columns', data: { title, order: (i + 1) * 10 } })).id)
  }
  return ids
}

type BenchRole = 'admin' | 'contributor' | 'editor'
const staffEmail = (role: BenchRole) => `${role}@bench.example`

/**
 * A contributor with drafts of their own, and an editor: the two ways staff lists are filtered.
 * The first account on an empty system becomes an admin (makeFirstUserAdmin), so an admin comes
 * first: before, the "contributor" rows measured an admin, who sees everything unfiltered.
 */
async function createStaffWithDrafts(payload: Payload, columnIds: number[]) {
  const ids: Record<string, number> = {}
  for (const role of ['admin', 'contributor', 'editor'] as const) {
    const user = await payload.create({ collection: 'users', data: { email: staffEmail(role), password: testPassword, name: role, role } })
    if (user.role !== role) throw new Error(`bench account ${staffEmail(role)} got role ${user.role}, expected ${role}`)
    ids[role] = user.id
  }
  const random = seededRandom(7)
  for (let i = 0; i < CONTRIBUTOR_DRAFTS; i++) {
    // Title combinations from the far end, so no news item created later shares the slug.
    const data = { ...newsItem(combinations - 1 - i, random, columnIds), _status: 'draft' as const, createdBy: ids.contributor }
    await payload.create({ collection: 'news', data, draft: true })
  }
}

export async function createNews(payload: Payload, columnIds: number[], from: number, to: number, log: Log): Promise<CreatePhase> {
  log(`creating news ${from + 1}–${to} …`)
  const random = seededRandom(from + 1)
  const durations: number[] = []
  const started = performance.now()
  for (let i = from; i < to; i++) {
    const data = newsItem(i, random, columnIds)
    const t0 = performance.now()
    await payload.create({ collection: 'news', data })
    durations.push(performance.now() - t0)
    if ((i + 1) % 2_000 === 0) log(`  ${i + 1} news`)
    if ((i + 1) % 100 === 0) await letEventLoopTurn()
  }
  const elapsed = performance.now() - started
  return { fromDocs: from, toDocs: to, seconds: round(elapsed / 1000), docsPerSecond: perSecond(to - from, elapsed), ...summarize(durations) }
}

// Titles are subject + verb + topic. Each index maps to a distinct combination, and the
// combinations differ within the 12 pinyin syllables the slug keeps, so no slug needs a "-2"
// suffix (that would cost one extra lookup per clash and skew the figures).
const subjects = [
  '我院', '院党组', '立案庭', '民一庭', '民二庭', '刑庭', '行政庭', '执行局', '审管办', '政治部',
  '城关法庭', '青石法庭', '柳溪法庭', '县法院', '少年法庭', '诉服中心', '青石镇工作站', '柳溪镇工作站',
  '白沙乡工作站', '东湖镇工作站', '清河镇工作站', '石门乡工作站', '院团支部', '院工会', '机关党委',
  '法警大队', '研究室', '办公室', '纪检组', '速裁团队',
]
const verbs = ['开展', '推进', '深化', '部署', '聚焦', '做好', '抓实', '启动']
const topics = [
  '民法典进社区宣传活动', '涉企纠纷专项化解行动', '矛盾纠纷多元化解工作', '“以案促改”警示教育', '巡回审判进村入户',
  '涉农案件集中执行', '未成年人司法保护', '诉前调解提质增效', '党风廉政建设', '青年干警业务培训',
  '“六善”法院文化建设', '家事纠纷柔性化解', '旅游纠纷就地化解', '判后答疑工作', '执行款集中发放',
  '法治进校园讲座', '人民陪审员培训', '案件质效提升', '诉讼服务便民举措', '审务督察工作',
  '智慧法院建设', '清廉法院建设', '拒执犯罪专项打击', '农民工工资案件清欠', '物业纠纷源头治理',
  '道路交通纠纷一站式化解', '“枫桥经验”实践', '司法救助工作', '网格化解纷机制', '法官工作站规范化建设',
  '老年人权益保护', '妇女儿童权益保护', '生态环境司法保护', '知识产权司法保护', '营商环境法治保障',
  '执行攻坚专项行动', '涉众型案件化解', '长期未结案件清理', '裁判文书质量评查', '庭审直播常态化',
  '“模范机关”创建', '干警读书分享活动', '主题党日活动', '法律咨询进集市', '反诈宣传进乡村',
]
const combinations = subjects.length * verbs.length * topics.length // 10,800
const STRIDE = 7919 // prime, so i → i·STRIDE mod combinations visits every combination once

const openings = ['近日，', '今年以来，', '为深入贯彻落实上级部署，', '日前，', '本月，']
const outcomes = [
  '进一步增强了人民群众的法治获得感。',
  '推动矛盾纠纷在基层就地化解。',
  '为辖区经济社会发展提供了有力司法服务和保障。',
  '取得了良好的法律效果和社会效果。',
  '受到当事人和群众的一致好评。',
]
const paragraphPool = [
  '活动中，干警们通过案例讲解、现场答疑、发放宣传资料等方式，向群众普及与生产生活密切相关的法律知识，引导群众依法表达诉求、理性解决纠纷。',
  '据统计，今年以来共受理各类案件一千余件，审结率同比提升六个百分点，一审服判息诉率保持在较高水平，审判质效各项指标稳中向好。',
  '## 把工作做到群众心坎上',
  '承办法官多次深入村组走访了解情况，耐心细致地做双方当事人的思想工作，最终促成双方当场达成调解协议并履行完毕，实现了案结事了人和。',
  '院党组高度重视，专题研究部署，明确责任分工和时间节点，确保各项工作措施落地见效，切实以党建引领推动审判执行工作高质量发展。',
  '下一步，我院将继续坚持和发展新时代“枫桥经验”，深化“六善”法院文化建设，把非诉讼纠纷解决机制挺在前面，努力让人民群众在每一个司法案件中感受到公平正义。',
  '工作站依托村（社区）综治中心，整合人民调解员、网格员、乡贤等力量，形成了“法官+调解员+网格员”的联动解纷模式，大量纠纷在萌芽状态得到化解。',
  '## 以案释法 警钟长鸣',
  '会上通报了近期典型案例，剖析了案件发生的原因和教训，要求全院干警引以为戒，筑牢思想防线，守住纪律底线，自觉做到忠诚干净担当。',
]
const tagPool = ['六善文化', '诉源治理', '普法宣传', '巡回审判', '执行工作', '党建引领', '清廉法院', '法官工作站', '民法典', '未成年人保护']
const writers = ['办公室 李某', '政治部 王某', '执行局 张某', '立案庭 赵某', '院团支部 陈某', '研究室 周某']

function newsItem(index: number, random: () => number, columnIds: number[]) {
  if (index >= combinations) throw new Error(`only ${combinations} distinct titles`)
  const k = (index * STRIDE) % combinations
  const subject = subjects[k % subjects.length]
  const verb = verbs[Math.floor(k / subjects.length) % verbs.length]
  const topic = topics[Math.floor(k / (subjects.length * verbs.length))]
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const title = `${subject}${verb}${topic}`
  const body = [`${pick(openings)}${title}。`, pick(paragraphPool), pick(paragraphPool), pick(outcomes)]
  // Spread over 2023-01-01 … 2025-06-30 so the default sort (-publishedAt) has real work to do.
  const publishedAt = new Date(Date.UTC(2023, 0, 1) + random() * 910 * 86_400_000).toISOString()
  return {
    title,
    summary: `${pick(openings)}${subject}${verb}${topic}，${pick(outcomes)}`,
    body: paragraphsToLexical(body),
    column: pick(columnIds),
    tags: [pick(tagPool), pick(tagPool)].filter((tag, i, all) => all.indexOf(tag) === i),
    byline: { writer: pick(writers) },
    publishedAt,
    grade: 'normal' as const,
    _status: 'published' as const,
  }
}

// ---------------------------------------------------------------------------------------------
// REST list latency over HTTP

async function measureRest(items: number, log: Log): Promise<RestResult> {
  log(`starting the built CMS on the ${items.toLocaleString('en')}-item database …`)
  const startedAt = performance.now()
  const server = await startBuiltCmsOnTestDb()
  const serverStartSeconds = round((performance.now() - startedAt) / 1000)
  try {
    const random = seededRandom(items)
    const base = `${server.url}/api/news?limit=${PAGE_SIZE}&depth=1`
    const tokens = { contributor: await login(server.url, 'contributor'), editor: await login(server.url, 'editor') }
    const withDrafts = items + CONTRIBUTOR_DRAFTS
    // The admin's list view asks for drafts (draft=true: the latest version of every item).
    const lists: { label: string; url: string; token?: string; totalDocs: number }[] = [
      { label: 'anonymous', url: base, totalDocs: items },
      { label: 'contributor', url: base, token: tokens.contributor, totalDocs: withDrafts },
      { label: 'contributor, draft=true (admin list)', url: `${base}&draft=true`, token: tokens.contributor, totalDocs: withDrafts },
      { label: 'editor', url: base, token: tokens.editor, totalDocs: withDrafts },
      { label: 'editor, draft=true (admin list)', url: `${base}&draft=true`, token: tokens.editor, totalDocs: withDrafts },
      // Lists leave rich text out unless asked (cms/src/collections/listsWithoutRichText.ts): the same lists with bodies.
      { label: 'anonymous, withRichText=true', url: `${base}&withRichText=true`, totalDocs: items },
      { label: 'editor, withRichText=true', url: `${base}&withRichText=true`, token: tokens.editor, totalDocs: withDrafts },
    ]
    const queries: QueryResult[] = []
    for (const { label, url, token, totalDocs } of lists) {
      log(`  ${LIST_REQUESTS} list requests: ${label} …`)
      const result = await measureQuery(url, label, LIST_REQUESTS, random, token, server.pid)
      if (result.totalDocs !== totalDocs) throw new Error(`${label}: the server sees ${result.totalDocs} news, expected ${totalDocs}`)
      queries.push(result)
    }
    log(`  ${SEARCH_REQUESTS} title-search requests …`)
    queries.push(await measureQuery(`${base}&where[title][like]=${encodeURIComponent(SEARCH_TERM)}`, `anonymous, title like ${SEARCH_TERM}`, SEARCH_REQUESTS, random, undefined, server.pid))
    return { items, serverStartSeconds, queries }
  } finally {
    await server.stop()
  }
}

async function login(url: string, role: BenchRole): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: staffEmail(role), password: testPassword }),
  })
  const { token } = (await response.json()) as { token?: string }
  if (!token) throw new Error(`login as ${role} failed: ${response.status}`)
  return token
}

async function measureQuery(url: string, label: string, requests: number, random: () => number, token?: string, serverPid?: number): Promise<QueryResult> {
  const warmupStarted = performance.now()
  const getPage = (page: number) => getListPage(url, page, token)
  const { totalDocs, totalPages } = await getPage(1)
  if (totalDocs === 0) throw new Error(`${url} returned no documents`)
  const randomPage = () => 1 + Math.floor(random() * totalPages)
  for (let i = 1; i < WARMUP_REQUESTS && performance.now() - warmupStarted < WARMUP_BUDGET_MS; i++) await getPage(randomPage())

  const durations: number[] = []
  const cpuBefore = processTreeCpuMs(serverPid)
  const stealBefore = machineStealMs()
  const started = performance.now()
  while (durations.length < requests && performance.now() - started < MEASURE_BUDGET_MS) {
    const t0 = performance.now()
    await getPage(randomPage())
    durations.push(performance.now() - t0)
  }
  const elapsed = performance.now() - started
  const cpuAfter = processTreeCpuMs(serverPid)
  const stealAfter = machineStealMs()
  const stealPercent = stealBefore === null || stealAfter === null ? null : round((100 * (stealAfter - stealBefore)) / (elapsed * os.cpus().length))
  const serverCpuMsPerRequest = cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / durations.length)
  const timeCapped = durations.length < requests
  return { query: label, totalDocs, planned: requests, timeCapped, requestsPerSecond: perSecond(durations.length, elapsed), serverCpuMsPerRequest, stealPercent, ...summarize(durations) }
}

async function getListPage(url: string, page: number, token?: string): Promise<{ totalDocs: number; totalPages: number }> {
  const response = await fetch(`${url}&page=${page}`, token ? { headers: { Authorization: `JWT ${token}` } } : {})
  if (response.status !== 200) throw new Error(`GET ${url}&page=${page} → ${response.status}: ${await response.text()}`)
  const body = (await response.json()) as { docs: unknown[]; totalDocs: number; totalPages: number }
  if (body.docs.length === 0) throw new Error(`GET ${url}&page=${page} returned an empty page`)
  return body
}

// ---------------------------------------------------------------------------------------------
// Image processing

async function measureUploads(payload: Payload, log: Log): Promise<UploadResult> {
  log(`generating a ${PHOTO.width}×${PHOTO.height} photo-like JPEG …`)
  const data = await photoLikeJpeg()
  const runsMs: number[] = []
  for (let run = 1; run <= UPLOAD_RUNS; run++) {
    log(`  upload ${run}/${UPLOAD_RUNS} …`)
    const t0 = performance.now()
    await payload.create({
      collection: 'media',
      data: { alt: '法官在村委会为群众解答法律问题' },
      file: { data, mimetype: 'image/jpeg', name: `bench-photo-${run}.jpg`, size: data.length },
    })
    runsMs.push(round(performance.now() - t0))
  }
  return { width: PHOTO.width, height: PHOTO.height, inputBytes: data.length, runsMs, medianMs: round(median(runsMs)) }
}

/**
 * Broad colour regions (a small random image enlarged) plus per-pixel grain: at q90 this lands
 * near 5 MB, like a 12-megapixel phone photo. A flat or pure-noise image would be far off.
 */
async function photoLikeJpeg(): Promise<Buffer> {
  const { width, height, quality } = PHOTO
  const random = seededRandom(12)
  const small = { width: 80, height: 60, channels: 3 as const }
  const seedPixels = Buffer.from(Array.from({ length: small.width * small.height * 3 }, () => Math.floor(random() * 256)))
  const pixels = await sharp(seedPixels, { raw: small }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer()
  for (let i = 0; i < pixels.length; i++) {
    const grained = pixels[i] + (random() - 0.5) * 48
    pixels[i] = grained < 0 ? 0 : grained > 255 ? 255 : grained
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer()
}

/** mulberry32: a tiny seeded generator, so every run benchmarks the same content. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
