// GET /api/signoffs/record/<collection>/<id>: who may see an item's 审签记录, and what they get,
// through Payload's real route handlers on a real database.
import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, sampleData, type Staff, testPassword } from '../../testing/fixtures'
import { restClient } from '../../testing/restClient'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'
import type { ReviewedCollection } from '../../workflow/reviewed'

let t: TestPayload
let staff: Staff
let get: ReturnType<typeof REST_GET>
const tokens: Record<string, string> = {}
let contributorsItem: number
let editorsItem: number
let emptyItem: number

/** A raw GET, so HTML and CSV bodies can be read as text. */
async function fetchRecord(url: string, auth: { token?: string; cookie?: string } = {}) {
  const headers = new Headers({ 'Accept-Language': 'zh' })
  if (auth.token) headers.set('Authorization', `JWT ${auth.token}`)
  if (auth.cookie) {
    headers.set('Cookie', `payload-token=${auth.cookie}`)
    // What a browser sends when following a link on the CMS's own page (the csrf rule needs it).
    headers.set('Sec-Fetch-Site', 'same-origin')
  }
  const path = `/signoffs/record/${url}`
  const response = await get(new Request(`http://localhost:3000/api${path}`, { headers }), {
    params: Promise.resolve({ slug: path.split('?')[0].split('/').filter(Boolean) }),
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  // Decoded the way a browser would, which drops a byte-order mark; `bytes` keeps it.
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) }
}

async function createItem(payload: Payload, collection: ReviewedCollection, label: string, owner: number) {
  const data = await sampleData(payload, collection, label)
  const args = { collection, data: { ...data, createdBy: owner, _status: 'draft', workflowState: 'submitted', grade: 'sensitive' }, draft: true }
  return (await payload.create(args as Parameters<Payload['create']>[0])).id as number
}

async function step(payload: Payload, docId: number, actor: keyof Staff, data: Record<string, unknown>) {
  await payload.create({
    collection: 'signoffs',
    data: {
      docCollection: 'news',
      docId: String(docId),
      docTitle: '记录测试',
      actor: staff[actor].id,
      actorName: `${actor}姓名`,
      actorRole: actor,
      ...data,
    } as never,
    overrideAccess: true,
  })
}

/** Enough of RFC 4180 to read back what the endpoint wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += c
  }
  return rows
}

beforeAll(async () => {
  t = await startTestPayload()
  get = REST_GET(t.config)
  staff = await createStaff(t.payload)
  const rest = restClient(t.config)
  for (const role of Object.keys(staff) as (keyof Staff)[]) tokens[role] = await rest.login(staff[role].email, testPassword)

  contributorsItem = await createItem(t.payload, 'news', 'contributor-item', staff.contributor.id)
  editorsItem = await createItem(t.payload, 'news', 'editor-item', staff.editor.id)
  emptyItem = await createItem(t.payload, 'news', 'no-steps', staff.editor.id)
  // Steps in the order they happened; the last one written first would sort wrongly if we sorted by id only.
  await step(t.payload, contributorsItem, 'contributor', { action: 'submit', fromState: 'draft', toState: 'submitted' })
  await step(t.payload, contributorsItem, 'reviewer', {
    action: 'return',
    fromState: 'submitted',
    toState: 'returned',
    comment: '标题不准确, 请改为"湖西法院"\n<script>alert(1)</script>',
  })
  await step(t.payload, contributorsItem, 'contributor', { action: 'submit', fromState: 'returned', toState: 'submitted' })
  await step(t.payload, editorsItem, 'editor', { action: 'submit', fromState: 'draft', toState: 'submitted' })
})
afterAll(() => t?.close())

describe('who may see a record', () => {
  it('refuses anonymous callers with 401, in Chinese', async () => {
    const html = await fetchRecord(`news/${contributorsItem}`)
    expect(html.status).toBe(401)
    expect(html.text).toContain('请先登录')
    const csv = await fetchRecord(`news/${contributorsItem}?format=csv`)
    expect(csv.status).toBe(401)
    expect(JSON.parse(csv.text).errors[0].message).toContain('请先登录')
  })

  it('lets contributors see their own items only', async () => {
    expect((await fetchRecord(`news/${contributorsItem}`, { token: tokens.contributor })).status).toBe(200)
    const other = await fetchRecord(`news/${editorsItem}?format=json`, { token: tokens.contributor })
    expect(other.status).toBe(403)
    expect(JSON.parse(other.text).errors[0].message).toBe('通讯员只能查看自己稿件的审签记录。')
    expect(other.text).not.toContain('editor-item')
  })

  it('lets every other staff role see any item', async () => {
    for (const role of ['editor', 'reviewer', 'approver', 'admin']) {
      expect((await fetchRecord(`news/${editorsItem}?format=json`, { token: tokens[role] })).status, role).toBe(200)
    }
  })

  it('answers 404 in Chinese for unknown items, unknown types and malformed ids', async () => {
    for (const url of ['news/999999', 'media/1', 'users/1', 'news/not-a-number']) {
      const response = await fetchRecord(`${url}?format=json`, { token: tokens.admin })
      expect(response.status, url).toBe(404)
      expect(JSON.parse(response.text).errors[0].message, url).toBe('稿件不存在或已被删除。')
    }
  })

  it('works with the admin session cookie, which is what the links on the edit view use', async () => {
    expect((await fetchRecord(`news/${contributorsItem}`, { cookie: tokens.reviewer })).status).toBe(200)
  })
})

describe('the printable 审签单', () => {
  it('shows the court, the item and every step oldest first, escaped', async () => {
    const { status, headers, text } = await fetchRecord(`news/${contributorsItem}`, { token: tokens.reviewer })
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(headers.get('cache-control')).toContain('no-store')
    expect(headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(text).toContain('湖西县人民法院')
    expect(text).toContain('新闻 contributor-item')
    expect(text).toMatch(/稿件等级<\/th><td>敏感/)
    expect(text).toMatch(/当前状态<\/th><td>待审核/)
    expect(text).toContain('审签记录（共 3 条）')
    const steps = [...text.matchAll(/<tr>\n<td>(\d+)<\/td>[\s\S]*?<\/tr>/g)].map((m) => m[0])
    expect(steps).toHaveLength(3)
    expect(steps[0]).toContain('提交审核')
    expect(steps[0]).toContain('草稿 → 待审核')
    expect(steps[0]).toContain('contributor姓名（通讯员）')
    expect(steps[1]).toContain('退回')
    expect(steps[1]).toContain('reviewer姓名（审核）')
    expect(steps[1]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(steps[2]).toContain('已退回 → 待审核')
    expect(text).not.toContain('<script>alert')
    expect(text).toContain('打印人：reviewer')
  })

  it('says there are no steps yet for an item never submitted', async () => {
    const { status, text } = await fetchRecord(`news/${emptyItem}`, { token: tokens.admin })
    expect(status).toBe(200)
    expect(text).toContain('尚无审签记录')
  })
})

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, downloads with a Chinese file name, and reads back row for row', async () => {
    const { status, headers, bytes, text } = await fetchRecord(`news/${contributorsItem}?format=csv`, { token: tokens.reviewer })
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`审签记录-新闻-${contributorsItem}.csv`)}`)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(text)
    expect(rows).toHaveLength(4)
    expect(rows[0]).toEqual(['序号', '时间', '操作', '原状态', '新状态', '操作人', '角色', '意见'])
    expect(rows[1]).toEqual(['1', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), '提交审核', '草稿', '待审核', 'contributor姓名', '通讯员', ''])
    expect(rows[2].slice(2)).toEqual(['退回', '待审核', '已退回', 'reviewer姓名', '审核', '标题不准确, 请改为"湖西法院"\n<script>alert(1)</script>'])
    expect(rows[3].slice(2, 5)).toEqual(['提交审核', '已退回', '待审核'])
  })
})

describe('the JSON the edit view reads', () => {
  it('carries the same rows', async () => {
    const { status, text } = await fetchRecord(`news/${contributorsItem}?format=json`, { token: tokens.editor })
    expect(status).toBe(200)
    const record = JSON.parse(text)
    expect(record).toMatchObject({ collection: 'news', id: String(contributorsItem), state: '待审核', grade: '敏感' })
    expect(record.rows.map((r: { action: string }) => r.action)).toEqual(['提交审核', '退回', '提交审核'])
  })
})
