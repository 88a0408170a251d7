// The facts the freshness widget judges, read from a real database.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ReviewedCollection } from '../../workflow/reviewed'
import { sampleData } from '../../testing/fixtures'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'
import type { WorkflowState } from '../../workflow/states'
import { loadFreshness } from './loadFreshness'

type ItemOptions = { owner?: number; state?: WorkflowState; status?: 'draft' | 'published'; grade?: string; extra?: Record<string, unknown> }

/** Creates an item the way the system does (no user, so no workflow rules): exactly the state asked for. */
async function item(payload: Payload, collection: ReviewedCollection, label: string, options: ItemOptions = {}) {
  const data = { ...(await sampleData(payload, collection, label)), ...options.extra }
  const status = options.status ?? 'draft'
  const doc = await payload.create({
    collection,
    data: { ...data, createdBy: options.owner, _status: status, workflowState: options.state ?? status, grade: options.grade ?? 'normal' },
    draft: status === 'draft',
  } as Parameters<Payload['create']>[0])
  return doc.id as number
}

describe('freshness facts', () => {
  // A fixed "now": 2025-06-15 10:00 Beijing time.
  const now = new Date('2025-06-15T10:00:00+08:00')
  const daysBefore = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString()
  let f: TestPayload

  beforeAll(async () => {
    f = await startTestPayload()
    const p = f.payload
    const column = async (title: string, slug: string, order: number, updateCycleDays?: number) =>
      (await p.create({ collection: 'columns', data: { title, slug, order, ...(updateCycleDays ? { updateCycleDays } : {}) } })).id
    const current = await column('审判动态', 'trials', 10, 14)
    const stale = await column('党建引领', 'party', 20, 14)
    const empty = await column('媒体聚焦', 'media', 30)
    const news = (label: string, col: number, days: number, status: 'draft' | 'published' = 'published') =>
      item(p, 'news', label, { status, extra: { column: col, publishedAt: daysBefore(days) } })
    await news('f-current-old', current, 40)
    await news('f-current-new', current, 3)
    await news('f-stale', stale, 20)
    // Neither a draft nor a published item's unpublished revision makes a column current.
    await news('f-draft', empty, 1, 'draft')
    const revised = await news('f-revised', stale, 30)
    await p.update({ collection: 'news', id: revised, data: { publishedAt: daysBefore(0) }, draft: true })
    // The newest item overall is a story, dated as the portal shows it.
    await item(p, 'stories', 'f-story', { status: 'published', extra: { date: daysBefore(1) } })
    await item(p, 'events', 'f-event-draft', { extra: { startAt: daysBefore(0) } })
    // An upcoming event and a news item dated ahead are not updates yet.
    await item(p, 'events', 'f-event-upcoming', { status: 'published', extra: { startAt: daysBefore(-100) } })
    await news('f-future', empty, -60)
  })
  afterAll(() => f?.close())

  it('judges each column by its newest published news item', async () => {
    const { columns } = await loadFreshness(f.payload, now)
    const byTitle = Object.fromEntries(columns.map((c) => [c.title, c]))
    expect(columns.map((c) => c.title).slice(0, 3)).toEqual(['审判动态', '党建引领', '媒体聚焦'])
    expect(byTitle['审判动态']).toMatchObject({ status: 'ok', daysSince: 3, cycleDays: 14 })
    expect(byTitle['党建引领']).toMatchObject({ status: 'stale', daysSince: 20, warning: '超期未更新' })
    expect(byTitle['媒体聚焦']).toMatchObject({ status: 'empty', warning: '空白栏目', cycleDays: 180 })
  })

  it('takes the home page’s newest published item of any kind', async () => {
    const { home, warningCount } = await loadFreshness(f.payload, now)
    expect(home.last).toMatchObject({ title: '故事 f-story', typeLabel: '工作站故事' })
    expect(home.daysSince).toBe(1)
    expect(home.warning).toBeUndefined()
    // 党建引领, 媒体聚焦 (its only item is dated ahead), and the fixtures' own 测试栏目 (created empty by sampleData).
    expect(warningCount).toBe(3)
  })

  it('warns when the home page has gone 14 days without anything new', async () => {
    const { home } = await loadFreshness(f.payload, new Date('2025-07-01T10:00:00+08:00'))
    expect(home.daysSince).toBe(17)
    expect(home.warning).toBe('首页已 17 天没有新发布的稿件（应每 14 天内更新）')
  })
})
