// The pre-publish checks on real documents: a real Payload, its media library and the 发布检查 lists.
import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { defaultPublishChecks } from '../globals/publish-checks/defaults'
import { seedPublishChecks } from '../seed'
import { paragraphsToLexical } from '../seed/lexical'
import { createDoc, tinyPng } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { checkBeforePublish, formatProblems } from './index'

let t: TestPayload
let req: PayloadRequest
let columnId: number

beforeAll(async () => {
  t = await startTestPayload()
  req = await createLocalReq({}, t.payload)
  columnId = (await t.payload.create({ collection: 'columns', data: { title: '审判动态' } })).id
})
afterAll(() => t?.close())
afterEach(async () => {
  await t.payload.updateGlobal({ slug: 'publish-checks', data: { bannedWords: [], correctionPairs: [], allowedNumbers: [] } })
})

/** A news item that passes every check; each test adds the one thing it is about. */
const newsItem = (over: Record<string, unknown> = {}) => ({
  title: '法官走进村委会开展巡回审判',
  summary: '巡回审判把法庭开到群众家门口。',
  body: paragraphsToLexical(['近日，我院法官来到青石镇开展巡回审判。', '庭审结束后，法官就相关法律问题为旁听群众答疑解惑。']),
  column: columnId,
  publishedAt: '2025-06-01T09:00:00+08:00',
  ...over,
})

const body = (...paragraphs: string[]) => paragraphsToLexical(['近日，我院法官来到青石镇开展巡回审判。', ...paragraphs])

const check = (doc: Record<string, unknown>, collection: 'news' | 'stories' | 'events' | 'families' = 'news') =>
  checkBeforePublish({ collection, doc, req })

const uploadImage = async (alt: string, name: string) => {
  const data = await tinyPng()
  return t.payload.create({ collection: 'media', data: { alt }, file: { data, mimetype: 'image/png', name, size: data.length } })
}

/** Lexical nodes, as the admin editor saves them. */
const lexical = (...children: object[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children },
})
const p = (...children: object[]) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children })
const text = (value: string) => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const link = (label: string, fields: object) => ({ type: 'link', format: '', indent: 0, version: 3, direction: 'ltr', fields: { newTab: false, ...fields }, children: [text(label)] })

describe('a clean document', () => {
  it('passes with no errors and no warnings, so every finding below comes from what each test adds', async () => {
    expect(await check(newsItem())).toEqual({ errors: [], warnings: [] })
  })
})

describe('personal numbers', () => {
  it('reports a resident ID number with a valid check digit, and where it is', async () => {
    const { errors } = await check(newsItem({ body: body('当事人王某某（身份证号11010519491231002X）到庭参加诉讼。') }))
    expect(errors).toEqual([{ code: 'id-number', where: '正文第2段', message: expect.stringContaining('居民身份证号码“110105********002X”') }])
  })

  it('does not report an 18-digit number whose check digit is wrong', async () => {
    expect((await check(newsItem({ body: body('编号110105194912310021。') }))).errors).toEqual([])
  })

  it('reports a mobile number', async () => {
    const { errors } = await check(newsItem({ summary: '当事人电话13912345678。' }))
    expect(errors).toEqual([{ code: 'mobile-number', where: '摘要', message: expect.stringContaining('手机号码“139****5678”') }])
  })

  it('reports a bank card number that passes the Luhn check, and not one that fails it', async () => {
    const valid = await check(newsItem({ body: body('执行款转入6222 0212 3456 7890 128账户。') }))
    expect(valid.errors).toEqual([{ code: 'bank-card', where: '正文第2段', message: expect.stringContaining('银行卡号“6222***********0128”') }])
    expect((await check(newsItem({ body: body('执行款转入6222 0212 3456 7890 127账户。') }))).errors).toEqual([])
  })

  it('lets a hotline through once it is on the allowed list, however it was written there', async () => {
    const doc = newsItem({ body: body('诉讼服务热线：13987654321。') })
    expect((await check(doc)).errors.map((e) => e.code)).toEqual(['mobile-number'])
    await t.payload.updateGlobal({ slug: 'publish-checks', data: { allowedNumbers: [{ number: '139-8765 4321', note: '诉讼服务热线' }] } })
    expect((await check(doc)).errors).toEqual([])
  })
})

describe('words', () => {
  it('blocks a banned word from the default list while the global is empty', async () => {
    const { errors } = await check(newsItem({ body: body('原告将被告推上被告席。') }))
    expect(errors).toEqual([{ code: 'banned-word', where: '正文第2段', message: expect.stringContaining('禁用词“推上被告席”') }])
  })

  it('uses the lists administrators keep in the 发布检查 global', async () => {
    await t.payload.updateGlobal({ slug: 'publish-checks', data: { bannedWords: [{ word: '内部通报' }] } })
    const { errors } = await check(newsItem({ body: body('根据内部通报，原告将被告推上被告席。') }))
    expect(errors.map((e) => e.message)).toEqual(['发现禁用词“内部通报”'])
  })

  it('names an 易错词 together with its correction', async () => {
    const { errors } = await check(newsItem({ title: '我院深入推进扫黑险恶常态化' }))
    expect(errors).toEqual([{ code: 'wrong-word', where: '标题', message: '易错词“扫黑险恶”应改为“扫黑除恶”' }])
    expect(formatProblems(errors)).toBe('发布前检查未通过，请修改以下问题后再发布：\n1. 标题：易错词“扫黑险恶”应改为“扫黑除恶”')
  })

  it('reads every text field of every collection, named by its label', async () => {
    const { errors } = await check(
      { familyName: '张某某家庭', motto: '村长说：家和万事兴', story: body('联系电话13912345678。'), year: 2025 },
      'families',
    )
    expect(errors.map((e) => `${e.where}|${e.code}`)).toEqual(['家训|wrong-word', '家风故事第2段|mobile-number'])
  })
})

describe('the 发布检查 lists', () => {
  it('are filled with the defaults by the seed once, and an administrator\'s edits are kept', async () => {
    expect(await seedPublishChecks(t.payload)).toBe(true)
    const filled = await t.payload.findGlobal({ slug: 'publish-checks' })
    expect(filled.correctionPairs?.map(({ wrong, right }) => ({ wrong, right }))).toEqual(defaultPublishChecks.correctionPairs)
    await t.payload.updateGlobal({ slug: 'publish-checks', data: { bannedWords: [{ word: '内部通报' }] } })
    expect(await seedPublishChecks(t.payload)).toBe(false)
    expect((await t.payload.findGlobal({ slug: 'publish-checks' })).bannedWords?.map((b) => b.word)).toEqual(['内部通报'])
  })
})

describe('images', () => {
  it('reports a cover without alt text by its file name', async () => {
    const image = await uploadImage('  ', 'no-alt-cover.png')
    const { errors } = await check(newsItem({ cover: image.id }))
    expect(image.filename).toMatch(/^no-alt-cover\./)
    expect(errors).toEqual([
      { code: 'image-alt', where: '封面图', media: { id: image.id, name: image.filename }, message: `图片“${image.filename}”没有替代文字，请在图片库中为它填写` },
    ])
  })

  it('reports photos and images in the body without alt text, and checks captions too', async () => {
    const good = await uploadImage('法官在村委会调解纠纷', 'with-alt.png')
    const bad = await uploadImage(' ', 'no-alt-photo.png')
    await t.payload.update({ collection: 'media', id: good.id, data: { caption: '调解现场，当事人电话13912345678' } })
    const story = await createDoc(t.payload, 'stories', 'images', { status: 'draft' })
    const storyBody = lexical(p(text('调解现场。')), { type: 'upload', version: 3, format: '', relationTo: 'media', value: bad.id, fields: {} })
    const { errors } = await check({ ...story, photos: [good.id, bad.id], body: storyBody }, 'stories')
    expect(errors.map((e) => `${e.where}|${e.code}`)).toEqual([
      '图片第1张的图片说明|mobile-number',
      '正文第1张图片|image-alt',
      '图片第2张|image-alt',
    ])
  })
})

describe('required parts', () => {
  it('reports a missing 发布时间', async () => {
    const { errors } = await check(newsItem({ publishedAt: null }))
    expect(errors).toEqual([{ code: 'published-at', where: '发布时间', message: '未填写发布时间' }])
  })

  it('reports an empty body, per collection', async () => {
    const blank = lexical(p(), p(text('   ')))
    expect((await check(newsItem({ body: blank }))).errors).toEqual([{ code: 'empty-body', where: '正文', message: expect.any(String) }])
    expect((await check(newsItem({ body: null }))).errors.map((e) => e.code)).toEqual(['empty-body'])
    const event = await createDoc(t.payload, 'events', 'empty', { status: 'draft' })
    expect((await check({ ...event, body: blank }, 'events')).errors.map((e) => e.where)).toEqual(['活动报道'])
  })
})

describe('links', () => {
  it('reports an internal link to an unpublished item, and passes it once published', async () => {
    const target = await createDoc(t.payload, 'news', 'link-target', { status: 'draft' })
    const doc = newsItem({ body: lexical(p(text('详见'), link('相关报道', { linkType: 'internal', doc: { relationTo: 'news', value: target.id } }))) })
    const { errors } = await check(doc)
    expect(errors).toEqual([{ code: 'link-unpublished', where: '正文第1段', message: '链接“相关报道”指向的新闻“新闻 link-target”尚未发布' }])
    await t.payload.update({ collection: 'news', id: target.id, data: { _status: 'published', workflowState: 'published' } })
    expect((await check(doc)).errors).toEqual([])
  })

  it('reports portal URLs to unpublished or missing items, and leaves other URLs alone', async () => {
    const draft = await createDoc(t.payload, 'events', 'url-target', { status: 'draft' })
    const doc = newsItem({
      body: lexical(
        p(link('活动', { linkType: 'custom', url: `/events/${draft.slug}/` })),
        p(link('旧稿', { linkType: 'custom', url: '/news/no-such-item/' })),
        p(link('新闻列表第2页', { linkType: 'custom', url: '/news/2/' }), link('最高人民法院', { linkType: 'custom', url: 'https://www.court.gov.cn/' })),
      ),
    })
    const { errors } = await check(doc)
    expect(errors.map((e) => `${e.where}|${e.code}`)).toEqual(['正文第1段|link-unpublished', '正文第2段|link-missing'])
    expect(errors[1].message).toBe('链接“旧稿”（/news/no-such-item/）指向的新闻不存在')
  })
})

describe('typography', () => {
  it('warns about half-width punctuation but does not block publishing', async () => {
    const report = await check(newsItem({ summary: '巡回审判把法庭开到群众家门口,方便群众诉讼。' }))
    expect(report.errors).toEqual([])
    expect(report.warnings).toEqual([{ code: 'half-width-punctuation', where: '摘要', message: expect.stringContaining('半角逗号') }])
  })
})
