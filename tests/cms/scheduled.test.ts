// 定时发布 in production: `next start` alone must run the jobs that publish scheduled items.
import path from 'node:path'

import { afterAll, beforeAll, expect, it } from 'vitest'

import { paragraphsToLexical } from '../../cms/src/seed/lexical'
import { startTestPayload, type TestPayload } from '../../cms/src/testing/testPayload'
import { type RunningCms, startBuiltCms } from '../helpers/server'

let cms: RunningCms
let local: TestPayload

beforeAll(async () => {
  cms = await startBuiltCms()
  // This process arranges the data on the server's own database; the server does the publishing.
  local = await startTestPayload({ databaseUrl: `file:${path.join(cms.dir, 'cms.db')}` })
}, 180_000)
afterAll(async () => {
  await local?.payload.destroy()
  await cms?.stop()
})

it('publishes an approved item at its scheduled time, with no extra process started', async () => {
  const { payload } = local
  // The first account always becomes the admin; the signer is a second one.
  await payload.create({ collection: 'users', data: { email: 'admin@test.example', password: 'Scheduled-Test-1', name: '管理员', role: 'admin' } })
  const approver = await payload.create({ collection: 'users', data: { email: 'approver@test.example', password: 'Scheduled-Test-1', name: '签发 王某', role: 'approver' } })
  const column = await payload.create({ collection: 'columns', data: { title: '审判动态', slug: 'trial-news' } })
  const news = await payload.create({
    collection: 'news',
    draft: true,
    data: {
      title: '定时发布的新闻',
      column: column.id,
      publishedAt: new Date().toISOString(),
      body: paragraphsToLexical(['湖西法院法官走进社区开展民法典宣传。']),
      workflowState: 'reviewed',
      _status: 'draft',
    },
  })
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'news', value: String(news.id) }, user: { relationTo: 'users', value: approver.id } },
    waitUntil: new Date(Date.now() + 2_000),
  } as never)
  expect((await fetch(`${cms.url}/api/news/${news.id}`)).status).toBe(404)

  // The server's runner looks for due jobs every 10 seconds.
  const deadline = Date.now() + 60_000
  let status = 404
  while (Date.now() < deadline && status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    status = (await fetch(`${cms.url}/api/news/${news.id}`)).status
  }
  expect(status, cms.output()).toBe(200)

  const { docs } = await payload.find({ collection: 'signoffs', where: { docId: { equals: String(news.id) } } })
  expect(docs.map((row) => [row.action, row.toState, row.actorRole])).toEqual([['publish', 'published', 'approver']])
}, 120_000)
