// GET /api/submissions/<id>/package and GET /api/<collection>/<id>/package through Payload's real
// route handlers: who may download, what an unpublished item gets, and what the 报送单 says.
import { REST_GET } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { entryText, paragraphs, unzip } from '../../testing/docx'
import { createDoc, createStaff, type Staff, testPassword } from '../../testing/fixtures'
import { restClient } from '../../testing/restClient'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'

let t: TestPayload
let staff: Staff
let get: ReturnType<typeof REST_GET>
const tokens: Record<string, string> = {}
let news: { id: number; title: string }
let submissionId: number
let withdrawnSubmissionId: number
let draftNewsId: number

/** A raw GET, so the zip can be read as bytes. */
async function fetchPackage(url: string, token?: string) {
  const headers = new Headers({ 'Accept-Language': 'zh' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  const response = await get(new Request(`http://localhost:3000/api${url}`, { headers }), {
    params: Promise.resolve({ slug: url.split('?')[0].split('/').filter(Boolean) }),
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) }
}

/** The 报送单's rows as label → value. */
function formRows(zip: Uint8Array): Record<string, string> {
  const texts = paragraphs(entryText(unzip(unzip(zip)['报送单.docx']), 'word/document.xml')).map((para) => para.text)
  const rows: Record<string, string> = {}
  for (const label of ['稿件标题', '报送媒体', '报送类型', '作者', '审签人', '报送日期']) rows[label] = texts[texts.indexOf(label) + 1]
  return rows
}

beforeAll(async () => {
  t = await startTestPayload()
  get = REST_GET(t.config)
  staff = await createStaff(t.payload)
  const rest = restClient(t.config)
  for (const role of Object.keys(staff) as (keyof Staff)[]) tokens[role] = await rest.login(staff[role].email, testPassword)
  await t.payload.update({ collection: 'users', id: staff.approver.id, data: { name: '赵签发' } })

  const item = await createDoc(t.payload, 'news', 'package-endpoint', { status: 'published', owner: staff.contributor.id })
  news = { id: item.id, title: String(item.title) }
  const outlet = (await t.payload.create({ collection: 'outlets', data: { name: '人民法院报', level: 'national', kind: 'media' } })).id
  const submission = (data: Record<string, unknown>) =>
    t.payload.create({
      collection: 'submissions',
      data: {
        item: { relationTo: 'news', value: news.id },
        outlet,
        kind: 'information',
        status: 'submitted',
        submittedAt: '2025-05-02T12:00:00+08:00',
        authors: [
          { name: '张三', role: 'writer' },
          { name: '李四', role: 'correspondent' },
        ],
        signedOffBy: staff.approver.id,
        ...data,
      } as never,
    })
  submissionId = (await submission({})).id

  // An item sent out, then withdrawn from the portal.
  const withdrawn = await createDoc(t.payload, 'news', 'withdrawn', { status: 'published' })
  withdrawnSubmissionId = (await submission({ item: { relationTo: 'news', value: withdrawn.id } })).id
  await t.payload.update({ collection: 'news', id: withdrawn.id, data: { _status: 'draft', workflowState: 'withdrawn' } as never })

  draftNewsId = (await createDoc(t.payload, 'news', 'never-published', { status: 'draft' })).id
})
afterAll(() => t?.close())

describe('who may download', () => {
  it('refuses anonymous callers with 401, in Chinese', async () => {
    for (const url of [`/submissions/${submissionId}/package`, `/news/${news.id}/package`]) {
      const response = await fetchPackage(url)
      expect(response.status, url).toBe(401)
      expect(response.json().errors[0].message).toBe('请先登录后台，再下载报送材料包。')
    }
  })

  it('lets every staff role download', async () => {
    for (const role of ['contributor', 'editor', 'reviewer', 'approver', 'admin']) {
      const response = await fetchPackage(`/submissions/${submissionId}/package`, tokens[role])
      expect(response.status, role).toBe(200)
    }
  })

  it('answers 404 in Chinese for unknown records and items', async () => {
    expect((await fetchPackage('/submissions/999999/package', tokens.editor)).json().errors[0].message).toBe('报送记录不存在或已被删除。')
    for (const url of ['/news/999999/package', '/news/not-a-number/package']) {
      const response = await fetchPackage(url, tokens.editor)
      expect(response.status, url).toBe(404)
      expect(response.json().errors[0].message, url).toBe('稿件不存在或已被删除。')
    }
  })
})

describe('only published items are sent out', () => {
  it('refuses an item never published with 400', async () => {
    const response = await fetchPackage(`/news/${draftNewsId}/package`, tokens.editor)
    expect(response.status).toBe(400)
    expect(response.json().errors[0].message).toBe('《新闻 never-published》尚未发布。只有已发布的稿件才能报送，请签发后再下载报送材料包。')
  })

  it('refuses a submission whose item has been withdrawn with 400', async () => {
    const response = await fetchPackage(`/submissions/${withdrawnSubmissionId}/package`, tokens.editor)
    expect(response.status).toBe(400)
    expect(response.json().errors[0].message).toContain('尚未发布')
  })
})

describe('the download', () => {
  it('is a zip named 报送-<title>.zip, in RFC 5987 form with an ASCII fallback', async () => {
    const { status, headers, bytes } = await fetchPackage(`/submissions/${submissionId}/package`, tokens.editor)
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('application/zip')
    expect(headers.get('cache-control')).toContain('no-store')
    expect(headers.get('content-disposition')).toBe(
      `attachment; filename="submission-${submissionId}.zip"; filename*=UTF-8''${encodeURIComponent(`报送-${news.title}.zip`)}`,
    )
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(Object.keys(unzip(bytes)).sort()).toEqual([`${news.title}.docx`, '报送单.docx'].sort())
  })

  it('has a 报送单 naming the outlet, the authors and the signer of the submission', async () => {
    const { bytes } = await fetchPackage(`/submissions/${submissionId}/package`, tokens.reviewer)
    expect(formRows(bytes)).toEqual({
      稿件标题: news.title,
      报送媒体: '人民法院报',
      报送类型: '信息',
      作者: '张三（撰稿人）、李四（通讯员）',
      审签人: '赵签发',
      报送日期: '2025-05-02',
    })
    const article = paragraphs(entryText(unzip(unzip(bytes)[`${news.title}.docx`]), 'word/document.xml'))
    expect(article[1].text).toBe('（通讯员 张三 李四）')
  })

  it('leaves the outlet blank for an item downloaded without a submission, with its author as byline', async () => {
    const { status, headers, bytes } = await fetchPackage(`/news/${news.id}/package`, tokens.contributor)
    expect(status).toBe(200)
    expect(headers.get('content-disposition')).toContain(`filename="package-news-${news.id}.zip"`)
    const rows = formRows(bytes)
    expect(rows.报送媒体).toBe('')
    expect(rows.报送类型).toBe('')
    expect(rows.作者).toBe('contributor（通讯员）')
  })
})
