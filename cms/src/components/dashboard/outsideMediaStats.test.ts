// The 外宣统计 widget as the dashboard renders it on the server: the year's figures, the month
// chart read out in full, the year switch and the CSV link.
import type { ServerProps } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDoc, createStaff, type Staff } from '../../testing/fixtures'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'
import { OutsideMediaStats } from './OutsideMediaStats'

let t: TestPayload
let staff: Staff
const day = (date: string) => new Date(`${date}T12:00:00+08:00`).toISOString()

async function render(searchParams: Record<string, string> = {}, user: unknown = { id: staff.editor.id, role: 'editor' }) {
  const element = await OutsideMediaStats({ payload: t.payload, user, searchParams } as unknown as ServerProps)
  return element ? renderToStaticMarkup(element) : ''
}

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  const item = await createDoc(t.payload, 'news', '看板', { status: 'published', owner: staff.editor.id })
  const outlet = (await t.payload.create({ collection: 'outlets', data: { name: '看板媒体', level: 'national', kind: 'media' } })).id
  await t.payload.create({ collection: 'scoring-rules', data: { year: 2025, rules: [{ level: 'national', outcome: 'published', points: 50 }] } })
  const doc = await t.payload.create({
    collection: 'submissions',
    data: { title: '看板报送', kind: 'article', item: { relationTo: 'news', value: item.id }, outlet, authors: [{ name: '办公室 李某' }], status: 'submitted', submittedAt: day('2025-02-20') },
  })
  await t.payload.update({ collection: 'submissions', id: doc.id, data: { status: 'published', publishedOn: day('2025-03-03') } })
})
afterAll(() => t?.close())

describe('外宣统计 widget', () => {
  it('shows the chosen year’s totals, chart, tables and CSV link', async () => {
    const html = await render({ mediaYear: '2025' })
    expect(html).toContain('外宣统计（2025 年）')
    expect(html).toContain('href="/api/submissions/stats?year=2025&amp;format=csv"')
    expect(html.match(/liushan-media-chart__month"/g)).toHaveLength(12)
    expect(html).toContain('3月：积分 50，报送 0 篇，采用 0 篇，刊发 1 篇')
    expect(html).toContain('2月：积分 0，报送 1 篇，采用 0 篇，刊发 0 篇')
    expect(html).toMatch(/<th scope="row">办公室 李某<\/th><td>1<\/td><td>0<\/td><td>1<\/td><td>50<\/td>/)
    expect(html).toMatch(/<th scope="row">国家级<\/th><td>1<\/td><td>0<\/td><td>1<\/td><td>50<\/td>/)
  })

  it('points from an empty year to the latest year with records', async () => {
    const html = await render({ mediaYear: '2023' })
    expect(html).toContain('2023 年还没有外宣报送记录。')
    expect(html).toContain('查看 2025 年')
  })

  it('is not shown without a signed-in member of staff', async () => {
    expect(await render({}, null)).toBe('')
  })
})
