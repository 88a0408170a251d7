// Word documents as courts really write them: titles formatted by hand, photo stories without
// text, spacer GIFs, transparent pictures.
import fs from 'node:fs'
import path from 'node:path'

import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, type Staff } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { docxFromXml, docxOf, paragraphXml } from './fixtures'

let t: TestPayload
let staff: Staff
// Imported once the test's MEDIA_DIR is set: the media collection fixes its folder on import.
let importDocx: typeof import('./importDocx').importDocx

beforeAll(async () => {
  t = await startTestPayload()
  ;({ importDocx } = await import('./importDocx'))
  staff = await createStaff(t.payload)
  await t.payload.create({ collection: 'columns', data: { title: '审判动态', order: 1 } })
})
afterAll(() => t?.close())

const importAs = async (file: Buffer, filename = '稿件.docx') =>
  importDocx({ payload: t.payload, user: await t.payload.findByID({ collection: 'users', id: staff.editor.id }), file, filename })
const bodyTexts = async (id: number) => {
  const news = await t.payload.findByID({ collection: 'news', id, draft: true, depth: 0 })
  type Node = { type: string; text?: string; children?: Node[] }
  const textOf = (node: Node): string => node.text ?? (node.children ?? []).map(textOf).join('')
  return (news.body as { root: Node }).root.children!.map((node) => (node.type === 'upload' ? '[图片]' : textOf(node)))
}

describe('a 公文 without the Title style', () => {
  const body = paragraphXml('今年以来，湖西县人民法院坚持把非诉讼纠纷解决机制挺在前面。')

  it.each([
    ['centred', { pPr: '<w:jc w:val="center"/>' }],
    ['in 2号 type, larger than the text', { rPr: '<w:sz w:val="44"/>' }],
    ['bold', { rPr: '<w:b/>' }],
  ])('takes its first paragraph as the title when it is %s', async (_name, formatting) => {
    const file = docxFromXml(paragraphXml('湖西法院召开诉源治理推进会', formatting) + body)
    const result = await importAs(file, '新建 Microsoft Word 文档.docx')
    expect(result.title).toBe('湖西法院召开诉源治理推进会')
    expect(result.warnings.join()).not.toContain('文件名')
    expect(await bodyTexts(result.id)).toEqual(['今年以来，湖西县人民法院坚持把非诉讼纠纷解决机制挺在前面。'])
  })

  it('a plain first paragraph is text, not a title: the file name stands in, and says so', async () => {
    const file = docxFromXml(paragraphXml('湖西法院召开诉源治理推进会') + body)
    const result = await importAs(file, '推进会.docx')
    expect(result.title).toBe('推进会')
    expect(await bodyTexts(result.id)).toHaveLength(2)
  })

  it('the same formatting as the text (3号 throughout) is no title either', async () => {
    const size = { rPr: '<w:sz w:val="32"/>' }
    const file = docxFromXml(paragraphXml('湖西法院召开诉源治理推进会', size) + paragraphXml('今年以来，全院坚持调解优先。', size))
    expect((await importAs(file, '推进会.docx')).title).toBe('推进会')
  })
})

const gif = (width: number, height: number, background: sharp.Color) =>
  sharp({ create: { width, height, channels: 4, background } }).gif().toBuffer()
const jpeg = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2e6b3a' } }).jpeg().toBuffer()

describe('pictures', () => {
  it('a photo story with no text becomes a draft with its photos', async () => {
    const file = await docxOf([
      new Paragraph({ children: [new ImageRun({ type: 'jpg', data: await jpeg(640, 480), transformation: { width: 320, height: 240 } })] }),
      new Paragraph({ children: [new ImageRun({ type: 'jpg', data: await jpeg(640, 480), transformation: { width: 320, height: 240 } })] }),
    ])
    const result = await importAs(file, '巡回审判图片.docx')
    expect(result.title).toBe('巡回审判图片')
    expect(result.images).toHaveLength(2)
    expect(await bodyTexts(result.id)).toEqual(['[图片]', '[图片]'])
  })

  it('1×1 spacer GIFs are left out without a word; a transparent GIF becomes a PNG that stays transparent', async () => {
    const spacer = await gif(1, 1, { r: 255, g: 255, b: 255, alpha: 0 })
    const transparent = await sharp({ create: { width: 120, height: 90, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: { create: { width: 40, height: 30, channels: 4, background: '#b3261e' } }, left: 40, top: 30 }])
      .gif()
      .toBuffer()
    const file = await docxOf([
      new Paragraph({ text: '院徽', alignment: AlignmentType.CENTER, children: [] }),
      new Paragraph({ children: [new TextRun('正文'), new ImageRun({ type: 'gif', data: spacer, transformation: { width: 1, height: 1 } })] }),
      new Paragraph({ children: [new ImageRun({ type: 'gif', data: transparent, transformation: { width: 120, height: 90 }, altText: { name: '院徽', description: '湖西县人民法院院徽', title: '院徽' } })] }),
    ])
    const result = await importAs(file)
    expect(result.images).toHaveLength(1)
    expect(result.warnings.join()).not.toMatch(/第 1 张图片未能导入/)
    const media = await t.payload.findByID({ collection: 'media', id: result.images[0].mediaId })
    expect(media.mimeType).toBe('image/png')
    const { data } = await sharp(path.join(t.payload.collections.media.config.upload.staticDir!, media.filename!)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
    expect(data[3]).toBe(0) // the corner: transparent, not black
    expect(fs.existsSync(path.join(t.payload.collections.media.config.upload.staticDir!, media.filename!))).toBe(true)
  })
})
