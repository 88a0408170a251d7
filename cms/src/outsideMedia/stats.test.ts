// GET /api/submissions/stats: the year's figures, as JSON and as CSV, equal what this test works
// out by hand from the records it creates.
import { REST_GET } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDoc, createStaff, type Staff, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'

type Level = 'national' | 'provincial' | 'municipal' | 'county' | 'internal'
type Spec = {
  level: Level
  sent?: string // 报送日期, YYYY-MM-DD (Beijing); absent for 待报送
  outcome?: 'adopted' | 'published' | 'rejected'
  on?: string // 采用/刊发日期
  authors: string[]
  instruction?: boolean
}

const year = 2025
const rules: Record<Level, { adopted?: number; published?: number }> = {
  national: { adopted: 30, published: 50 },
  provincial: { adopted: 10, published: 20 },
  municipal: { adopted: 3, published: 5 },
  county: { adopted: 1, published: 2 },
  internal: { adopted: 5 },
}
const bonus = 10
const levelNames: Record<Level, string> = { national: '国家级', provincial: '省级', municipal: '市级', county: '县级', internal: '系统内' }

const specs: Spec[] = [
  { level: 'national', sent: '2025-01-06', outcome: 'published', on: '2025-01-10', authors: ['李某'] },
  { level: 'national', sent: '2025-02-03', outcome: 'adopted', on: '2025-02-20', authors: ['李某', '张某'] },
  { level: 'internal', sent: '2025-05-12', outcome: 'published', on: '2025-05-26', authors: ['李某', '张某', '马某'], instruction: true },
  { level: 'provincial', sent: '2025-05-30', outcome: 'rejected', authors: ['马某'] },
  { level: 'municipal', sent: '2025-06-30', outcome: 'published', on: '2025-07-01', authors: ['张某'] },
  { level: 'municipal', sent: '2025-08-15', outcome: 'adopted', on: '2025-08-18', authors: [] },
  { level: 'county', sent: '2025-09-01', authors: ['马某'] },
  { level: 'county', authors: ['李某'] }, // 待报送: counts nowhere
  { level: 'national', sent: '2024-12-28', outcome: 'adopted', on: '2025-01-03', authors: ['陈某'] }, // sent last year
  { level: 'provincial', sent: '2025-12-29', outcome: 'published', on: '2026-01-05', authors: ['陈某'] }, // scored next year
  { level: 'county', sent: '2025-10-09', outcome: 'published', on: '2025-10-10', authors: ['张某'], instruction: true },
]

// ---- what the figures must be, worked out from the specs alone ----
const month = (date: string) => Number(date.slice(5, 7))
const inYear = (date?: string) => Boolean(date && date.startsWith(`${year}-`))
const scored = (s: Spec) => s.outcome === 'adopted' || s.outcome === 'published'
const expectedPoints = (s: Spec) => {
  if (!scored(s) || !s.on?.startsWith('2025-')) return 0 // only 2025 has rules in this test
  const r = rules[s.level]
  const base = s.outcome === 'published' ? (r.published ?? r.adopted ?? 0) : (r.adopted ?? 0)
  return base + (s.instruction ? bonus : 0)
}
type Tally = { submitted: number; adopted: number; published: number; points: number }
function tallyOutcomes(list: Spec[], share: (s: Spec) => number) {
  let adopted = 0
  let published = 0
  let points = 0
  for (const s of list) {
    if (s.outcome === 'adopted') adopted++
    if (s.outcome === 'published') published++
    if (scored(s)) points += expectedPoints(s) * share(s)
  }
  return { adopted, published, points: Math.round(points * 100) / 100 }
}
/** The specs a figure counts: sent in `sentIn`, and adopted or published in `scoredIn`. */
function expected(sentIn: (s: Spec) => boolean, scoredIn: (s: Spec) => boolean, share: (s: Spec) => number = () => 1): Tally {
  const sent = specs.filter((s) => s.sent && inYear(s.sent) && sentIn(s))
  const outcomes = specs.filter((s) => scored(s) && inYear(s.on) && scoredIn(s))
  return { submitted: sent.length, ...tallyOutcomes(outcomes, share) }
}

const names = (s: Spec) => (s.authors.length ? s.authors : ['（未署名）'])
const expectedMonths = Array.from({ length: 12 }, (_, i) => expected((s) => month(s.sent!) === i + 1, (s) => month(s.on!) === i + 1))
const expectedQuarters = [1, 2, 3, 4].map((q) => expected((s) => Math.ceil(month(s.sent!) / 3) === q, (s) => Math.ceil(month(s.on!) / 3) === q))
const expectedTotal = expected(() => true, () => true)
const expectedLevels = (Object.keys(levelNames) as Level[]).map((level) => ({ label: levelNames[level], ...expected((s) => s.level === level, (s) => s.level === level) }))
const authorNames = [...new Set(specs.filter((s) => (s.sent && inYear(s.sent)) || (scored(s) && inYear(s.on))).flatMap(names))]
const expectedAuthors = authorNames.map((name) => ({
  label: name,
  ...expected(
    (s) => names(s).includes(name),
    (s) => names(s).includes(name),
    (s) => 1 / names(s).length,
  ),
}))

// ---- the records, entered through the Local API and the collection's hooks ----
let t: TestPayload
let staff: Staff
let get: ReturnType<typeof REST_GET>
let token: string
const stored: { spec: Spec; points: number }[] = []
const day = (date: string) => new Date(`${date}T12:00:00+08:00`).toISOString()

async function fetchStats(query: string, auth?: string) {
  const headers = new Headers({ 'Accept-Language': 'zh' })
  if (auth) headers.set('Authorization', `JWT ${auth}`)
  const response = await get(new Request(`http://localhost:3000/api/submissions/stats${query}`, { headers }), {
    params: Promise.resolve({ slug: ['submissions', 'stats'] }),
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) }
}

beforeAll(async () => {
  t = await startTestPayload()
  get = REST_GET(t.config)
  staff = await createStaff(t.payload)
  token = await restClient(t.config).login(staff.reviewer.email, testPassword)
  const item = await createDoc(t.payload, 'news', '统计', { status: 'published', owner: staff.editor.id })
  await t.payload.create({
    collection: 'scoring-rules',
    data: {
      year,
      instructionBonus: bonus,
      rules: (Object.keys(rules) as Level[]).flatMap((level) =>
        (['adopted', 'published'] as const).filter((o) => rules[level][o] !== undefined).map((outcome) => ({ level, outcome, points: rules[level][outcome]! })),
      ),
    },
  })
  const outlets = {} as Record<Level, number>
  for (const level of Object.keys(levelNames) as Level[]) {
    outlets[level] = (await t.payload.create({ collection: 'outlets', data: { name: `${levelNames[level]}媒体`, level, kind: 'media' } })).id
  }
  for (const spec of specs) {
    const data = { title: '统计用报送', kind: 'information' as const, item: { relationTo: 'news' as const, value: item.id }, outlet: outlets[spec.level], authors: spec.authors.map((name) => ({ name })), leaderInstruction: Boolean(spec.instruction) }
    let doc = await t.payload.create({ collection: 'submissions', data: { ...data, status: 'pending' } })
    if (spec.sent) doc = await t.payload.update({ collection: 'submissions', id: doc.id, data: { status: 'submitted', submittedAt: day(spec.sent) } })
    if (spec.outcome) {
      doc = await t.payload.update({ collection: 'submissions', id: doc.id, data: { status: spec.outcome, ...(spec.on ? { publishedOn: day(spec.on) } : {}) } })
    }
    stored.push({ spec, points: doc.points ?? 0 })
  }
}, 120_000)
afterAll(() => t?.close())

describe('the records', () => {
  it('carry the points the year’s rules give them', () => {
    expect(stored.map((r) => r.points)).toEqual(specs.map(expectedPoints))
  })
})

describe('GET /api/submissions/stats (JSON)', () => {
  it('counts by month, quarter, the year, level and author as worked out by hand', async () => {
    const res = await fetchStats(`?year=${year}`, token)
    expect(res.status).toBe(200)
    const stats = JSON.parse(res.text)
    const strip = ({ submitted, adopted, published, points }: Tally) => ({ submitted, adopted, published, points })
    expect(stats.year).toBe(year)
    expect(stats.total).toEqual(expectedTotal)
    expect(stats.months.map(strip)).toEqual(expectedMonths)
    expect(stats.quarters.map(strip)).toEqual(expectedQuarters)
    expect(stats.levels.map(({ label, ...rest }: Tally & { label: string }) => ({ label, ...strip(rest) }))).toEqual(expectedLevels)
    const byName = (rows: { label: string }[]) => [...rows].sort((a, b) => a.label.localeCompare(b.label))
    expect(byName(stats.authors.map(({ label, ...rest }: Tally & { label: string }) => ({ label, ...strip(rest) })))).toEqual(byName(expectedAuthors))
  })

  it('lists authors by points, highest first', async () => {
    const stats = JSON.parse((await fetchStats(`?year=${year}`, token)).text)
    const points = stats.authors.map((a: Tally) => a.points)
    expect(points).toEqual([...points].sort((a, b) => b - a))
  })

  it('adds up: the months, quarters, levels and authors’ points each make the year’s total', async () => {
    const stats = JSON.parse((await fetchStats(`?year=${year}`, token)).text)
    const sum = (rows: Tally[], key: keyof Tally) => Math.round(rows.reduce((a, r) => a + r[key], 0) * 100) / 100
    for (const rows of [stats.months, stats.quarters, stats.levels]) {
      for (const key of ['submitted', 'adopted', 'published', 'points'] as const) expect(sum(rows, key)).toBe(stats.total[key])
    }
    expect(sum(stats.authors, 'points')).toBeCloseTo(stats.total.points, 1)
  })

  it('is for staff only, and checks the year', async () => {
    expect((await fetchStats(`?year=${year}`)).status).toBe(401)
    const bad = await fetchStats('?year=abc', token)
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.text).errors[0].message).toBe('年度“abc”无效，请填写 2000 至 2100 之间的年份。')
  })
})

describe('GET /api/submissions/stats?format=csv', () => {
  it('is a UTF-8 CSV with a byte-order mark and Chinese headers, one row per figure', async () => {
    const res = await fetchStats(`?year=${year}&format=csv`, token)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`外宣报送统计-${year}年.csv`)}`)
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])

    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines.pop()).toBe('')
    const rows = lines.map((line) => line.split(','))
    const cells = (group: string, label: string, tally: Tally) => [group, label, ...[tally.submitted, tally.adopted, tally.published, tally.points].map(String)]
    const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度']
    const expectedRows = [
      ['统计类别', '项目', '报送数', '采用数', '刊发数', '积分'],
      ...expectedMonths.map((tally, i) => cells('月份', `${i + 1}月`, tally)),
      ...expectedQuarters.map((tally, i) => cells('季度', quarterNames[i], tally)),
      cells('年度', `${year}年`, expectedTotal),
      ...expectedLevels.map(({ label, ...tally }) => cells('媒体级别', label, tally)),
    ]
    expect(rows.slice(0, expectedRows.length)).toEqual(expectedRows)
    const authorRows = rows.slice(expectedRows.length)
    const sorted = (list: string[][]) => [...list].sort((a, b) => a[1].localeCompare(b[1]))
    expect(sorted(authorRows)).toEqual(sorted(expectedAuthors.map(({ label, ...tally }) => cells('作者', label, tally))))
  })
})
