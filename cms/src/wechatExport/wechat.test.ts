// 导出公众号图文 through Payload's real route handlers: the HTML the 公众号 editor takes (inline
// styles only, the portal's text), the crops around the focal point, the .zip, and who may ask.
import { REST_GET } from '@payloadcms/next/routes'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { unzip } from '../testing/docx'
import { createDoc, createStaff, type Staff, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { cropBox } from './crops'
import { proposeDigest } from './digest'
import { textOf } from './html'

let t: TestPayload
let staff: Staff
let get: ReturnType<typeof REST_GET>
const tokens: Record<string, string> = {}
let newsId: number
let draftId: number

/** 3000 × 1000: the left third red, the rest blue, so a crop shows where it was cut. */
const twoColours = () =>
  sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#0000ff' } })
    .composite([{ input: { create: { width: 1000, height: 1000, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
    .png()
    .toBuffer()

const upload = async (name: string, extra: Record<string, unknown>) => {
  const data = await twoColours()
  return t.payload.create({ collection: 'media', data: { alt: `图片 ${name}`, ...extra }, file: { data, mimetype: 'image/png', name: `${name}.png`, size: data.length } })
}

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 })
const block = (type: string, children: object[], more: object = {}) => ({ type, children, format: '', indent: 0, version: 1, direction: 'ltr', ...more })

async function raw(url: string, token?: string) {
  const headers = new Headers({ 'Accept-Language': 'zh' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  const response = await get(new Request(`http://localhost:3000/api${url}`, { headers }), {
    params: Promise.resolve({ slug: url.split('?')[0].split('/').filter(Boolean) }),
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) }
}

beforeAll(async () => {
  process.env.SITE_URL = 'https://court.example.cn'
  t = await startTestPayload()
  get = REST_GET(t.config)
  staff = await createStaff(t.payload)
  const rest = restClient(t.config)
  for (const role of ['contributor', 'editor'] as const) tokens[role] = await rest.login(staff[role].email, testPassword)
  const inBody = await upload('body-photo', { caption: '图为法官在田间地头调解纠纷' })
  const cover = await upload('cover-photo', { focalX: 10, focalY: 50 })
  const column = (await t.payload.create({ collection: 'columns', data: { title: '审判动态' } })).id
  const news = await t.payload.create({
    collection: 'news',
    data: {
      title: '巡回法庭开进田间地头',
      summary: '近日，湖西县人民法院石门法庭法官来到青石镇，就地化解一起相邻关系纠纷。'.repeat(3),
      body: {
        root: block('root', [
          block('paragraph', [text('近日，湖西县人民法院石门法庭法官来到青石镇，'), text('就地化解', 1), text('一起相邻关系纠纷。')], { textFormat: 0 }),
          block('heading', [text('把法庭开到群众家门口')], { tag: 'h2' }),
          { type: 'upload', relationTo: 'media', value: inBody.id, fields: null, format: '', version: 3 },
          block('list', [block('listitem', [text('释法明理')], { value: 1 }), block('listitem', [text('当场履行')], { value: 2 })], { listType: 'bullet', tag: 'ul', start: 1 }),
          block('paragraph', [text('双方当事人握手言和。')], { textFormat: 0 }),
        ]),
      },
      cover: cover.id,
      column,
      byline: { writer: '王某', photographer: '李某' },
      source: '湖西县人民法院',
      slug: 'xunhui-fating',
      publishedAt: '2025-06-01T09:00:00+08:00',
      _status: 'published',
    } as never,
  })
  newsId = news.id
  draftId = (await createDoc(t.payload, 'news', 'wechat-draft', { status: 'draft' })).id
})
afterAll(() => t?.close())

describe('the HTML for the 公众号 editor', () => {
  let answer: { title: string; digest: string; html: string; portalUrl: string }
  beforeAll(async () => {
    const response = await raw(`/news/${newsId}/wechat`, tokens.editor)
    expect(response.status).toBe(200)
    answer = response.json()
  })

  it('has inline styles only: no script, no class, no stylesheet, no style element', () => {
    expect(answer.html).not.toMatch(/<script/i)
    expect(answer.html).not.toMatch(/\sclass=/i)
    expect(answer.html).not.toMatch(/<link|<style|stylesheet/i)
    expect(answer.html).toMatch(/<p style="[^"]*font-size:16px;line-height:1\.75;letter-spacing:0\.5px/)
  })

  it('reads the same as the portal article, with byline before and 来源 and 阅读原文 after', async () => {
    const populated = await t.payload.findByID({ collection: 'news', id: newsId, depth: 1 })
    // The portal's own renderer, so "the same text as the portal" is checked against the real thing;
    // imported by a computed path so the cms type check does not take in the site's sources.
    const portal = new URL('../../../site/src/utils/richText.ts', import.meta.url).pathname
    const { richTextToHtml } = (await import(/* @vite-ignore */ portal)) as { richTextToHtml: (data: unknown) => string }
    const portalText = textOf(richTextToHtml(populated.body))
    expect(portalText).toContain('图为法官在田间地头调解纠纷')
    expect(textOf(answer.html)).toBe(
      `撰稿：王某　摄影：李某${portalText}来源：湖西县人民法院阅读原文：https://court.example.cn/news/xunhui-fating/`.replace(/\s+/g, ' '),
    )
    expect(answer.html).toContain('<a href="https://court.example.cn/news/xunhui-fating/"')
  })

  it('places the photo in the body at most 1080 px wide, with its caption', () => {
    const figure = answer.html.match(/<figure[^>]*>.*?<\/figure>/)?.[0] ?? ''
    expect(figure).toMatch(/<img [^>]*src="http:\/\/localhost:3000\/api\/media\/file\/body-photo\.png"/)
    expect(figure).toContain('width:1080px;')
    expect(figure).toMatch(/<figcaption style="[^"]+">图为法官在田间地头调解纠纷<\/figcaption>/)
  })

  it('proposes a 摘要 of at most 120 characters from the summary', () => {
    expect([...answer.digest].length).toBeLessThanOrEqual(120)
    expect(answer.digest).toBe('近日，湖西县人民法院石门法庭法官来到青石镇，就地化解一起相邻关系纠纷。'.repeat(3).slice(0, 108))
  })
})

describe('the .zip', () => {
  let files: Record<string, Uint8Array>
  beforeAll(async () => {
    const response = await raw(`/news/${newsId}/wechat?format=zip`, tokens.contributor)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toContain(encodeURIComponent('公众号图文-巡回法庭开进田间地头.zip'))
    files = unzip(response.bytes)
  })

  it('holds the HTML with its images beside it, the crops and the 摘要', () => {
    expect(Object.keys(files).sort()).toEqual(['图文.html', 'images/01.jpg', '封面-2.35比1.jpg', '标题与摘要.txt', '缩略图-1比1.jpg'].sort())
    const html = new TextDecoder().decode(files['图文.html'])
    expect(html).toMatch(/<img [^>]*src="images\/01\.jpg"/)
    // Every attribute value is whole: no quote inside a style ends it early.
    expect(html).not.toMatch(/style="[^"]*"[^ >/]/)
    expect(html).not.toMatch(/<script|\sclass=/i)
    expect(new TextDecoder().decode(files['标题与摘要.txt'])).toContain('原文链接：https://court.example.cn/news/xunhui-fating/')
  })

  it('sizes the article photo to 1080 px wide', async () => {
    expect(await sharp(files['images/01.jpg']).metadata()).toMatchObject({ width: 1080, height: 360, format: 'jpeg' })
  })

  it('cuts the cover to 2.35:1 and the thumbnail to 1:1 around the focal point', async () => {
    const cover = await sharp(files['封面-2.35比1.jpg']).metadata()
    expect(cover.width! / cover.height!).toBeCloseTo(2.35, 2)
    const thumbnail = sharp(files['缩略图-1比1.jpg'])
    expect(await thumbnail.metadata()).toMatchObject({ width: 500, height: 500 })
    // Focal point at 10 % from the left: the square is the red third, not the blue centre.
    const { dominant } = await thumbnail.stats()
    expect(dominant.r).toBeGreaterThan(200)
    expect(dominant.b).toBeLessThan(60)
  })
})

describe('cropBox', () => {
  it('takes the centre by default and keeps inside the picture near the edges', () => {
    expect(cropBox(3000, 1000, 1)).toEqual({ left: 1000, top: 0, width: 1000, height: 1000 })
    expect(cropBox(3000, 1000, 1, 0, 50)).toEqual({ left: 0, top: 0, width: 1000, height: 1000 })
    expect(cropBox(3000, 1000, 1, 100, 50)).toEqual({ left: 2000, top: 0, width: 1000, height: 1000 })
    expect(cropBox(1000, 1000, 2.35)).toEqual({ left: 0, top: 287, width: 1000, height: 426 })
  })
})

describe('proposeDigest', () => {
  it('keeps a short summary, ends a long one at a sentence, else cuts with an ellipsis', () => {
    expect(proposeDigest('法院审结一起案件。')).toBe('法院审结一起案件。')
    expect(proposeDigest('', '正文第一段。')).toBe('正文第一段。')
    expect(proposeDigest('长'.repeat(200))).toBe(`${'长'.repeat(119)}…`)
  })
})

describe('who may export', () => {
  it('refuses anonymous callers', async () => {
    const response = await raw(`/news/${newsId}/wechat`)
    expect(response.status).toBe(401)
    expect(response.json().errors[0].message).toContain('请先登录后台')
  })

  it('refuses an item that is not published, saying why', async () => {
    const response = await raw(`/news/${draftId}/wechat`, tokens.editor)
    expect(response.status).toBe(400)
    expect(response.json().errors[0].message).toContain('尚未发布')
  })

  it('answers 404 for an item that does not exist', async () => {
    expect((await raw('/news/999999/wechat', tokens.editor)).status).toBe(404)
  })
})
