// 外宣报送 through the REST API the admin uses: the status path, the dates each status needs,
// published items only, and points from the year's 积分规则 — kept current when the rules or an
// outlet's level change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatDate } from '../../dates'
import { createDoc, createStaff, type Staff, testPassword } from '../../testing/fixtures'
import { restClient } from '../../testing/restClient'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
let token: string
let published: { id: number; title: string }
let draft: { id: number; title: string }
const outlets = { national: 0, bulletin: 0 }
let rules2025: number

const day = (date: string) => new Date(`${date}T12:00:00+08:00`).toISOString()
const today = () => formatDate(new Date())
/** The Chinese message of a refused request, whichever error Payload wrapped it in. */
const messageOf = (json: any): string => json.errors?.[0]?.data?.errors?.[0]?.message ?? json.errors?.[0]?.message ?? ''

const create = (data: Record<string, unknown>) => rest.post('/submissions', { token, body: { item: { relationTo: 'news', value: published.id }, outlet: outlets.national, ...data } })
const patch = (id: number, data: Record<string, unknown>) => rest.patch(`/submissions/${id}`, { token, body: data })

/** A record created as 待报送, then saved once per step of the path. */
async function walk(outlet: number, steps: [string, Record<string, unknown>?][], extra: Record<string, unknown> = {}) {
  const created = await create({ outlet, status: 'pending', ...extra })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  let doc = created.json.doc
  for (const [status, data] of steps) {
    const res = await patch(doc.id, { status, ...data })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    doc = res.json.doc
  }
  return doc
}

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  token = await rest.login(staff.editor.email, testPassword)
  const item = await createDoc(t.payload, 'news', '外宣', { status: 'published', owner: staff.editor.id })
  published = { id: item.id, title: String(item.title) }
  const unpublished = await createDoc(t.payload, 'news', '草稿', { status: 'draft', owner: staff.editor.id })
  draft = { id: unpublished.id, title: String(unpublished.title) }
  outlets.national = (await t.payload.create({ collection: 'outlets', data: { name: '测试国家级媒体', level: 'national', kind: 'media' } })).id
  outlets.bulletin = (await t.payload.create({ collection: 'outlets', data: { name: '测试省院简报', level: 'internal', kind: 'bulletin' } })).id
  rules2025 = (
    await t.payload.create({
      collection: 'scoring-rules',
      data: {
        year: 2025,
        instructionBonus: 10,
        rules: [
          { level: 'national', outcome: 'published', points: 50 },
          { level: 'national', outcome: 'adopted', points: 30 },
          { level: 'internal', outcome: 'adopted', points: 5 },
        ],
      },
    })
  ).id
})
afterAll(() => t?.close())

describe('a new record', () => {
  it('takes its title from the item and starts with 0 points', async () => {
    const res = await create({})
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    expect(res.json.doc).toMatchObject({ title: published.title, status: 'pending', points: 0 })
  })

  it('keeps a title given', async () => {
    const res = await create({ title: '报送标题' })
    expect(res.json.doc.title).toBe('报送标题')
  })

  it('may only send a published item', async () => {
    const res = await create({ item: { relationTo: 'news', value: draft.id } })
    expect(res.status).toBe(400)
    expect(messageOf(res.json)).toBe(`只能报送已发布的稿件：《${draft.title}》尚未发布，请签发后再报送。`)
  })

  it('starts as 待报送 or 已报送, never with an outcome', async () => {
    const res = await create({ status: 'published', submittedAt: day('2025-03-01'), publishedOn: day('2025-03-02') })
    expect(res.status).toBe(400)
    expect(messageOf(res.json)).toContain('不能直接设为“已刊发”')
  })

  it('ignores points sent with it', async () => {
    const res = await create({ points: 999 })
    expect(res.json.doc.points).toBe(0)
  })
})

describe('the status path', () => {
  it('dates a record sent without a date today', async () => {
    const doc = await walk(outlets.national, [['submitted']])
    expect(formatDate(doc.submittedAt)).toBe(today())
    expect(doc.points).toBe(0)
  })

  it('refuses a skipped or backward step, naming both states', async () => {
    const { json } = await create({})
    const skipped = await patch(json.doc.id, { status: 'adopted', publishedOn: day('2025-03-02') })
    expect(skipped.status).toBe(400)
    expect(messageOf(skipped.json)).toBe('报送状态不能从“待报送”改为“已采用”。“待报送”的记录只能改为“已报送”。')

    const doc = await walk(outlets.national, [['submitted', { submittedAt: day('2025-03-01') }], ['published', { publishedOn: day('2025-03-05') }]])
    const back = await patch(doc.id, { status: 'submitted' })
    expect(back.status).toBe(400)
    expect(messageOf(back.json)).toBe('报送状态不能从“已刊发”改为“已报送”。“已刊发”是最终状态，不能再改。')
  })

  it('needs a 采用/刊发日期 for an outcome, not before the record was sent', async () => {
    const doc = await walk(outlets.national, [['submitted', { submittedAt: day('2025-03-10') }]])
    const missing = await patch(doc.id, { status: 'adopted' })
    expect(missing.status).toBe(400)
    expect(messageOf(missing.json)).toBe('状态为“已采用”时须填写采用/刊发日期。')
    const early = await patch(doc.id, { status: 'adopted', publishedOn: day('2025-03-09') })
    expect(messageOf(early.json)).toBe('采用/刊发日期（2025-03-09）不能早于报送日期（2025-03-10）。')
  })

  it('lets an adopted record be published later, and re-scores it', async () => {
    const adopted = await walk(outlets.national, [['submitted', { submittedAt: day('2025-04-01') }], ['adopted', { publishedOn: day('2025-04-03') }]])
    expect(adopted.points).toBe(30)
    const printed = await patch(adopted.id, { status: 'published', publishedOn: day('2025-04-08') })
    expect(printed.json.doc.points).toBe(50)
  })

  it('sends a 未采用 record again, dated today', async () => {
    const doc = await walk(outlets.national, [['submitted', { submittedAt: day('2025-05-01') }], ['rejected']])
    expect(doc.points).toBe(0)
    const again = await patch(doc.id, { status: 'submitted' })
    expect(again.status).toBe(200)
    expect(formatDate(again.json.doc.submittedAt)).toBe(today())
  })
})

describe('points', () => {
  it('follow the level and outcome, fall back to the 已采用 rule, and add the instruction bonus', async () => {
    const national = await walk(outlets.national, [['submitted', { submittedAt: day('2025-06-01') }], ['published', { publishedOn: day('2025-06-02') }]])
    expect(national.points).toBe(50)
    const bulletin = await walk(outlets.bulletin, [['submitted', { submittedAt: day('2025-06-01') }], ['published', { publishedOn: day('2025-06-03') }]], {
      leaderInstruction: true,
    })
    expect(bulletin.points).toBe(5 + 10)
  })

  it('are 0 in a year without rules', async () => {
    const doc = await walk(outlets.national, [['submitted', { submittedAt: day('2024-12-20') }], ['published', { publishedOn: day('2024-12-28') }]])
    expect(doc.points).toBe(0)
  })

  it('take the year adopted, not the year sent', async () => {
    const doc = await walk(outlets.national, [['submitted', { submittedAt: day('2024-12-20') }], ['adopted', { publishedOn: day('2025-01-05') }]])
    expect(doc.points).toBe(30)
  })

  it('change when the year’s rules are edited, deleted or created', async () => {
    const in2025 = await walk(outlets.national, [['submitted', { submittedAt: day('2025-07-01') }], ['published', { publishedOn: day('2025-07-02') }]])
    const in2026 = await walk(outlets.national, [['submitted', { submittedAt: day('2025-12-30') }], ['published', { publishedOn: day('2026-01-04') }]])
    expect([in2025.points, in2026.points]).toEqual([50, 0])
    const points = async (id: number) => (await t.payload.findByID({ collection: 'submissions', id, depth: 0 })).points

    const admin = await rest.login(staff.admin.email, testPassword)
    const rules = (await t.payload.findByID({ collection: 'scoring-rules', id: rules2025, depth: 0 })).rules!
    const edited = await rest.patch(`/scoring-rules/${rules2025}`, {
      token: admin,
      body: { rules: rules.map(({ level, outcome, points }) => ({ level, outcome, points: level === 'national' && outcome === 'published' ? 60 : points })) },
    })
    expect(edited.status, JSON.stringify(edited.json)).toBe(200)
    expect([await points(in2025.id), await points(in2026.id)]).toEqual([60, 0])

    const created = await rest.post('/scoring-rules', { token: admin, body: { year: 2026, rules: [{ level: 'national', outcome: 'published', points: 40 }] } })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(await points(in2026.id)).toBe(40)

    await rest.delete(`/scoring-rules/${created.json.doc.id}`, { token: admin })
    expect(await points(in2026.id)).toBe(0)
  })

  it('refuse a year with two rules for one level and outcome', async () => {
    const admin = await rest.login(staff.admin.email, testPassword)
    const res = await rest.post('/scoring-rules', {
      token: admin,
      body: { year: 2030, rules: [{ level: 'county', outcome: 'adopted', points: 1 }, { level: 'county', outcome: 'adopted', points: 2 }] },
    })
    expect(res.status).toBe(400)
    expect(messageOf(res.json)).toBe('同一级别、同一采用情况只能设一条标准，重复的有：县级·已采用。')
  })

  it('change when an outlet’s level changes', async () => {
    const outlet = (await t.payload.create({ collection: 'outlets', data: { name: '改级媒体', level: 'internal', kind: 'media' } })).id
    const doc = await walk(outlet, [['submitted', { submittedAt: day('2025-08-01') }], ['adopted', { publishedOn: day('2025-08-02') }]])
    expect(doc.points).toBe(5)
    await t.payload.update({ collection: 'outlets', id: outlet, data: { level: 'national' } })
    expect((await t.payload.findByID({ collection: 'submissions', id: doc.id, depth: 0 })).points).toBe(30)
  })
})
