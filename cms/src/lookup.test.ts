// A missing item is "不存在" (404); a failing database is a 500 that says so, never a 404.
// The outage is real: the collection's table is renamed away for the request, so SQLite fails
// the query as it would with a broken or unreachable database.
import { sql } from '@payloadcms/db-sqlite'
import { Paragraph } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { previewSecret, signPreviewToken } from './preview/previewToken'
import { type SecurityWorld, startSecurityWorld } from './testing/securityWorld'
import { docxOf } from './wordImport/fixtures'
import { importDocx } from './wordImport/importDocx'
import { refusals } from './wordImport/messages'

let w: SecurityWorld
let published: { id: number; createdAt?: unknown }
let submissionId: number
const logged: string[] = []
const missing = 999_999

beforeAll(async () => {
  w = await startSecurityWorld()
  published = await w.item('news', 'outage', 'published')
  const outlet = await w.t.payload.create({ collection: 'outlets', data: { name: '湖西日报', level: 'county' } as never })
  const submission = await w.t.payload.create({
    collection: 'submissions',
    data: { item: { relationTo: 'news', value: published.id }, outlet: outlet.id, kind: 'information', status: 'pending' } as never,
    overrideAccess: true,
  })
  submissionId = submission.id as number
  // Keep what is logged, and still log it.
  const logger = w.t.payload.logger
  const error = logger.error.bind(logger)
  logger.error = ((entry: unknown, ...rest: unknown[]) => {
    logged.push(JSON.stringify(entry))
    return (error as (...args: unknown[]) => void)(entry, ...rest)
  }) as typeof logger.error
})
afterAll(() => w?.t.close())

/** Runs `during` while `table` is gone, then puts it back. */
async function withoutTable<T>(table: string, during: () => Promise<T>): Promise<T> {
  const db = (w.t.payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }).drizzle
  await db.run(sql.raw(`ALTER TABLE "${table}" RENAME TO "${table}_gone"`))
  try {
    return await during()
  } finally {
    await db.run(sql.raw(`ALTER TABLE "${table}_gone" RENAME TO "${table}"`))
  }
}

const previewToken = (id: number, createdAt: unknown) =>
  signPreviewToken({ collection: 'news', id, exp: Date.now() / 1000 + 600, uid: w.staff.editor.id, v: String(createdAt) }, previewSecret())

const endpoints = {
  审签记录: (id: number) => `/signoffs/record/news/${id}?format=json`,
  报送材料包: (id: number) => `/news/${id}/package`,
  公众号图文: (id: number) => `/news/${id}/wechat`,
}

describe('not found is 404, a failing database is 500', () => {
  it.each(Object.entries(endpoints))('%s: a missing item is 404; with the table gone, 500 in Chinese, logged', async (_, url) => {
    const notFound = await w.rest.get(url(missing), { token: w.tokens.admin })
    expect(notFound.status).toBe(404)
    expect(notFound.json.errors?.[0]?.message).toContain('不存在')

    const before = logged.length
    const outage = await withoutTable('news', () => w.rest.get(url(published.id), { token: w.tokens.admin }))
    expect(outage.status).toBe(500)
    expect(outage.json.errors?.[0]?.message).toMatch(/时系统出错，请稍后重试/)
    expect(logged.length).toBeGreaterThan(before)
    // The item is there again, and found.
    expect(await w.status('get', url(published.id), w.tokens.admin)).toBe(200)
  })

  it('报送记录的材料包: a missing record is 404; with the table gone, 500', async () => {
    expect((await w.rest.get(`/submissions/${missing}/package`, { token: w.tokens.admin })).status).toBe(404)
    const outage = await withoutTable('submissions', () => w.rest.get(`/submissions/${submissionId}/package`, { token: w.tokens.admin }))
    expect(outage.status).toBe(500)
    expect(outage.json.errors?.[0]?.message).toMatch(/读取报送记录时系统出错/)
    expect(await w.status('get', `/submissions/${submissionId}/package`, w.tokens.admin)).toBe(200)
  })

  it('草稿预览: a missing item is 404; with the table gone, 500 (the portal says the CMS is unreachable)', async () => {
    expect((await w.rest.get(`/news/${missing}/preview-data?token=${previewToken(missing, published.createdAt)}`)).status).toBe(404)
    const url = `/news/${published.id}/preview-data?token=${previewToken(published.id, published.createdAt)}`
    const outage = await withoutTable('news', () => w.rest.get(url))
    expect(outage.status).toBe(500)
    expect(outage.json.errors?.[0]?.message).toMatch(/读取预览内容时系统出错/)
    expect((await w.rest.get(url)).status).toBe(200)
  })

  it('Word 导入: an unknown 栏目 is refused as such; with the table gone, the import fails and says so', async () => {
    const editor = await w.userDoc(w.staff.editor.id)
    const file = await docxOf([new Paragraph('一段正文。')])
    const attempt = (column: number) => importDocx({ payload: w.t.payload, user: editor, file, filename: 'x.docx', column }).catch((error: Error & { status?: number }) => error)
    const unknown = await attempt(missing)
    expect(unknown).toMatchObject({ status: 400, message: refusals.unknownColumn })
    const { docs } = await w.t.payload.find({ collection: 'columns', limit: 1 })
    const outage = await withoutTable('columns', () => attempt(docs[0].id))
    expect(outage).toMatchObject({ status: 500, message: refusals.failed })
  })
})
