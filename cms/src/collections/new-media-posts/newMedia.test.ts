// 新媒体发布: records of the court's own accounts, who may keep them, and how they enter 外宣统计.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadStats } from '../../outsideMedia/loadStats'
import { statsToCsv } from '../../outsideMedia/statsCsv'
import { createStaff, type Staff, testPassword } from '../../testing/fixtures'
import { restClient } from '../../testing/restClient'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
let token: string

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  token = await rest.login(staff.contributor.email, testPassword)
  const post = (channel: string, postedAt: string, reads?: number) =>
    t.payload.create({ collection: 'new-media-posts', data: { title: '巡回法庭开进田间地头', channel: channel as 'wechat', postedAt, reads } })
  await post('wechat', '2025-03-01T10:00:00+08:00', 1200)
  await post('wechat', '2025-12-31T23:30:00+08:00', 800) // still 2025 in Beijing, 2025-12-31T15:30Z
  await post('douyin', '2025-07-15T20:00:00+08:00') // reads not typed in yet
  await post('weibo', '2026-01-01T00:10:00+08:00', 5000) // 2026 in Beijing, though 2025 in UTC
})
afterAll(() => t?.close())

describe('新媒体发布 in the yearly statistics', () => {
  it('counts posts and reads by channel and month, in Beijing time', async () => {
    const { newMedia } = await loadStats(t.payload, 2025)
    expect(newMedia?.total).toMatchObject({ posts: 3, reads: 2000 })
    expect(newMedia?.channels).toEqual([
      { key: 'wechat', label: '微信公众号', posts: 2, reads: 2000 },
      { key: 'douyin', label: '抖音', posts: 1, reads: 0 },
    ])
    expect(newMedia?.months[11]).toMatchObject({ label: '12月', posts: 1, reads: 800 })
    expect((await loadStats(t.payload, 2026)).newMedia?.channels).toEqual([{ key: 'weibo', label: '微博', posts: 1, reads: 5000 }])
  })

  it('adds them to the CSV as a table of their own', async () => {
    const csv = statsToCsv(await loadStats(t.payload, 2025))
    expect(csv).toContain('新媒体发布,项目,发布数,阅读量\r\n新媒体发布,微信公众号,2,2000\r\n新媒体发布,抖音,1,0\r\n新媒体发布,2025年,3,2000\r\n')
  })
})

describe('who keeps the records', () => {
  it('lets staff enter one and type in the reads later, and shows none to the public', async () => {
    const created = await rest.post('/new-media-posts', { token, body: { title: '法官说法', channel: 'channels', postedAt: '2025-05-01T08:00:00+08:00' } })
    expect(created.status).toBe(201)
    const updated = await rest.patch(`/new-media-posts/${created.json.doc.id}`, { token, body: { reads: 321 } })
    expect(updated.json.doc.reads).toBe(321)
    expect((await rest.get('/new-media-posts')).status).toBe(403)
    expect((await rest.delete(`/new-media-posts/${created.json.doc.id}`, { token })).status).toBe(403)
  })

  it('refuses a negative 阅读量', async () => {
    const refused = await rest.post('/new-media-posts', { token, body: { title: '法官说法', channel: 'wechat', postedAt: '2025-05-01T08:00:00+08:00', reads: -5 } })
    expect(refused.status).toBe(400)
  })
})
