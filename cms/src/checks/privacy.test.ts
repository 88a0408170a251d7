// 隐名 and 未成年人 before publishing, through the REST API people use: a party's full name blocks
// publishing, so do a minors item's photos until the 签发人 has ticked each, and the ticks go on record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../seed/lexical'
import { type AnyDoc, createDoc, createStaff, type Staff, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
const tokens: Record<string, string> = {}
let columnId: number

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  for (const role of ['editor', 'approver'] as const) tokens[role] = await rest.login(staff[role].email, testPassword)
  columnId = (await t.payload.create({ collection: 'columns', data: { title: '审判动态' } })).id
})
afterAll(() => t?.close())

/** A news item waiting for the 签发人 (审核 done), with this body and these images. */
async function reviewedNews(paragraphs: string[], extra: Record<string, unknown> = {}) {
  return (await t.payload.create({
    collection: 'news',
    data: {
      title: '湖西法院审结一起案件',
      summary: '法院依法审结。',
      body: paragraphsToLexical(paragraphs),
      column: columnId,
      publishedAt: '2025-06-01T09:00:00+08:00',
      workflowState: 'reviewed',
      createdBy: staff.editor.id,
      ...extra,
    },
    draft: true,
  })) as unknown as AnyDoc
}

const publish = (id: number, body: Record<string, unknown> = {}) =>
  rest.patch(`/news/${id}`, { token: tokens.approver, body: { _status: 'published', ...body } })

const trail = async (id: number) =>
  (await t.payload.find({ collection: 'signoffs', where: { docCollection: { equals: 'news' }, docId: { equals: String(id) } }, sort: 'createdAt' })).docs

describe('当事人隐名', () => {
  it('refuses to publish a party’s full name, naming it and its 隐名 form, in every place it appears', async () => {
    const doc = await reviewedNews(['原告张三诉被告李四光民间借贷纠纷一案近日审结。', '张三当庭表示服判。'])
    const { status, json } = await publish(doc.id)
    expect(status).toBe(400)
    const message: string = json.errors[0].message
    expect(message).toContain('正文第1段：当事人姓名“张三”未隐名')
    expect(message).toContain('请改为“张某”')
    expect(message).toContain('请改为“李某某”')
    expect(message).toContain('正文第2段：当事人姓名“张三”')
  })

  it('publishes the same story written with 某-forms and with the judge’s own name', async () => {
    const doc = await reviewedNews(['原告张某诉被告李某某民间借贷纠纷一案近日审结。', '审判长王建国当庭宣判，书记员张婷记录。'])
    expect((await publish(doc.id)).status).toBe(200)
  })

  it('checks the title, summary and image captions too', async () => {
    const photo = await createDoc(t.payload, 'media', 'court-photo')
    await t.payload.update({ collection: 'media', id: photo.id, data: { caption: '被告人王建军在法庭上作最后陈述' } })
    const doc = await reviewedNews(['近日，我院审结一起盗窃案。'], { title: '被告人赵刚犯盗窃罪获刑', summary: '被告人赵刚当庭认罪。', cover: photo.id })
    const message: string = (await publish(doc.id)).json.errors[0].message
    expect(message).toContain('标题：当事人姓名“赵刚”')
    expect(message).toContain('摘要：当事人姓名“赵刚”')
    expect(message).toContain('封面图的图片说明：当事人姓名“王建军”未隐名')
  })

  it('lets a name on the allow-list of 发布检查 through', async () => {
    const doc = await reviewedNews(['当事人黄海涛向法院赠送锦旗。'])
    expect((await publish(doc.id)).status).toBe(400)
    await t.payload.updateGlobal({ slug: 'publish-checks', data: { allowedNames: [{ name: '黄海涛', note: '本人同意公开' }] } })
    try {
      expect((await publish(doc.id)).status).toBe(200)
    } finally {
      await t.payload.updateGlobal({ slug: 'publish-checks', data: { allowedNames: [] } })
    }
  })
})

describe('未成年人图片', () => {
  const minorsCase = ['未成年被害人小某在校园内受伤，其监护人将学校诉至法院。']

  it('blocks publishing until the 签发人 ticks every photo, then names them in the 审签记录', async () => {
    const [cover, photo] = [await createDoc(t.payload, 'media', 'minor-cover'), await createDoc(t.payload, 'media', 'minor-inside')]
    const doc = await reviewedNews(minorsCase, { cover: cover.id })
    await t.payload.update({ collection: 'news', id: doc.id, data: { body: { root: { ...paragraphsToLexical(minorsCase).root, children: [...paragraphsToLexical(minorsCase).root.children, { type: 'upload', relationTo: 'media', value: photo.id, fields: null, format: '', version: 3 }] } } }, draft: true })

    const refused = await publish(doc.id)
    expect(refused.status).toBe(400)
    const message: string = refused.json.errors[0].message
    expect(message).toContain('封面图：稿件涉及未成年人，图片“minor-cover.png”尚未由签发人确认')
    expect(message).toContain('正文第1张图片：稿件涉及未成年人，图片“minor-inside.png”')

    // One tick is not enough: the other photo is still named.
    const half = await publish(doc.id, { minorPhotosObscured: [cover.id] })
    expect(half.status).toBe(400)
    expect(half.json.errors[0].message).toContain('minor-inside.png')
    expect(half.json.errors[0].message).not.toContain('minor-cover.png')

    expect((await publish(doc.id, { minorPhotosObscured: [cover.id, photo.id] })).status).toBe(200)
    const step = (await trail(doc.id)).find((s) => s.action === 'publish')
    expect(step?.comment).toContain('签发人已确认 2 张图片已遮挡未成年人面部及身份信息：minor-inside.png、minor-cover.png')
  })

  it('keeps the tick to the 签发人: an editor’s tick is not saved', async () => {
    const cover = await createDoc(t.payload, 'media', 'minor-editor')
    const doc = await reviewedNews(minorsCase, { cover: cover.id, workflowState: 'draft' })
    const saved = await rest.patch(`/news/${doc.id}?draft=true`, { token: tokens.editor, body: { minorPhotosObscured: [cover.id] } })
    expect(saved.status).toBe(200)
    const stored = await t.payload.findByID({ collection: 'news', id: doc.id, draft: true, depth: 0 })
    expect(stored.minorPhotosObscured ?? []).toEqual([])
  })

  it('asks nothing of items without minors in a case, nor of minors items without photos', async () => {
    const cover = await createDoc(t.payload, 'media', 'plain-cover')
    expect((await publish((await reviewedNews(['法官走进湖西县第一中学，为学生上了一堂法治课。'], { cover: cover.id })).id)).status).toBe(200)
    expect((await publish((await reviewedNews(minorsCase)).id)).status).toBe(200)
  })
})
