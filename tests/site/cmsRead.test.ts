// How the renderer reads every published document (site/src/loaders/cmsApi.ts fetchPublished)
// against Payload's real REST handler on a real SQLite database: every item exactly once, also
// for a collection large enough to be read as several id ranges at once, and also when an item is
// withdrawn while the pages are being read (an offset would then shift another item out of them).
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { REST_GET } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../../cms/src/seed/lexical'
import { startTestPayload, type TestPayload } from '../../cms/src/testing/testPayload'
import { cmsSource } from '../../site/render/content'
import { newTimeline, prefetchingSource } from '../../site/scripts/startup'
import { fetchPublished } from '../../site/src/loaders/cmsApi'

const NEWS = 400

let local: TestPayload
let server: http.Server
const requested: string[] = []
/** Runs once before the answer to the request with this number (1-based). */
let beforeRequest: { at: number; run: () => Promise<void> } | undefined

beforeAll(async () => {
  local = await startTestPayload()
  const { payload } = local
  const column = await payload.create({ collection: 'columns', data: { title: '审判动态', slug: 'trial-news' } })
  const body = paragraphsToLexical(['湖西法院法官走进社区开展民法典宣传。'])
  // Straight into the database: the reading is under test, not the workflow that publishes.
  for (let i = 1; i <= NEWS; i++) {
    await payload.db.create({
      collection: 'news',
      data: { title: `读取测试稿件 ${i}`, slug: `read-test-${i}`, column: column.id, body, publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), _status: 'published' },
    })
  }
  const get = REST_GET(local.config)
  server = http.createServer(async (req, res) => {
    requested.push(req.url!)
    if (beforeRequest && requested.length === beforeRequest.at) await beforeRequest.run()
    const slug = req.url!.split('?')[0].split('/').filter(Boolean).slice(1)
    const response = await get(new Request(`http://localhost${req.url}`, { headers: { Accept: 'application/json' } }), { params: Promise.resolve({ slug }) })
    res.writeHead(response.status, { 'Content-Type': 'application/json' })
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.CMS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 180_000)

afterAll(async () => {
  server?.close()
  await local?.close()
})

const publishedIds = async () =>
  (await local.payload.db.find<{ id: number }>({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 0, pagination: false })).docs.map((d) => d.id).sort((a, b) => a - b)

describe('reading every published item for a full render', () => {
  it('returns each published item once, reading a large collection as id ranges at the same time', async () => {
    requested.length = 0
    const docs = await fetchPublished<{ id: number; title: string }>('news')
    const ids = docs.map((d) => d.id).sort((a, b) => a - b)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(await publishedIds())
    expect(ids).toHaveLength(NEWS)
    // Each range is read 100 at a time, following the id: no offsets.
    expect(requested.some((url) => url.includes('page='))).toBe(false)
    expect(requested.filter((url) => decodeURIComponent(url).includes('[id][less_than_equal]')).length).toBeGreaterThanOrEqual(2)
  })

  it('misses nothing still published when an item is withdrawn while the pages are read', async () => {
    requested.length = 0
    // The newest item (the first an offset reader sees), withdrawn before the third request is
    // answered: read by page 1, it would move every later item one place up, past page 2's end.
    const newest = (await publishedIds()).at(-1)!
    beforeRequest = { at: 3, run: async () => void (await local.payload.db.updateOne({ collection: 'news', id: newest, data: { _status: 'draft' } })) }
    const docs = await fetchPublished<{ id: number }>('news')
    beforeRequest = undefined
    const ids = new Set(docs.map((d) => d.id))
    for (const id of await publishedIds()) expect(ids.has(id), `published item ${id} was read`).toBe(true)
    expect(docs.length).toBe(ids.size)
  })
})

describe('the render worker reading the content while its bundle loads (site/scripts/startup.ts)', () => {
  const newsRequests = () => requested.filter((url) => url.startsWith('/api/news?'))

  it('starts reading at once; the render then takes that read, and a later load reads afresh', async () => {
    requested.length = 0
    const timeline = newTimeline()
    const source = prefetchingSource(cmsSource, timeline)
    // Nothing asked for yet: the read is under way all the same.
    await until(() => newsRequests().length > 0)
    const first = await source.fetchAll('news')
    const read = newsRequests().length
    expect(first.map((d) => d.id).sort((a, b) => a - b)).toEqual(await publishedIds())
    const again = await source.fetchAll('news')
    expect(newsRequests().length).toBeGreaterThan(read)
    expect(again.map((d) => d.id).sort((a, b) => a - b)).toEqual(await publishedIds())
    await until(() => timeline.readMs !== undefined)
    expect(timeline.collections.news?.docs).toBe(first.length)
    expect(timeline.requests).toBeGreaterThanOrEqual(read)
  })

  it('a later load sees what changed after the early read', async () => {
    const source = prefetchingSource(cmsSource, newTimeline())
    const early = await source.fetchAll('news')
    const newest = (await publishedIds()).at(-1)!
    await local.payload.db.updateOne({ collection: 'news', id: newest, data: { _status: 'draft' } })
    const later = await source.fetchAll('news')
    expect(early.some((d) => d.id === newest)).toBe(true)
    expect(later.some((d) => d.id === newest)).toBe(false)
    expect(later).toHaveLength(early.length - 1)
  })

  it('a CMS that cannot be reached fails the load where the content is asked for, not before', async () => {
    const cmsUrl = process.env.CMS_URL
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    process.env.CMS_URL = 'http://127.0.0.1:1'
    try {
      const timeline = newTimeline()
      const source = prefetchingSource(cmsSource, timeline)
      // The early read has failed before anyone asks for it.
      await until(() => timeline.readMs !== undefined)
      await new Promise((resolve) => setImmediate(resolve))
      await expect(source.fetchAll('news')).rejects.toThrow(/无法连接内容管理系统/)
      await expect(source.fetchGlobal('navigation')).rejects.toThrow(/无法连接内容管理系统/)
      expect(unhandled).toEqual([])
    } finally {
      process.env.CMS_URL = cmsUrl
      process.off('unhandledRejection', onUnhandled)
    }
  })
})

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10))
}
