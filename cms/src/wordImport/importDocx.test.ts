// A Word document becomes a draft news item with its pictures; a file that cannot be read is
// refused in Chinese and leaves nothing behind.
import fs from 'node:fs'

import { Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, Textbox, TextRun } from 'docx'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkBeforePublish } from '../checks'
import { createStaff, type Staff, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { badFiles, docxOf, picture, reportDocx } from './fixtures'
import { importDocx } from './importDocx'
import { refusals } from './messages'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
let tokens: Record<'editor' | 'contributor', string>

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  await t.payload.create({ collection: 'columns', data: { title: '六善文化', order: 1 } })
  await t.payload.create({ collection: 'columns', data: { title: '审判动态', order: 2 } })
  tokens = {
    editor: await rest.login(staff.editor.email, testPassword),
    contributor: await rest.login(staff.contributor.email, testPassword),
  }
})
afterAll(() => t?.close())

const userOf = (role: keyof Staff) => t.payload.findByID({ collection: 'users', id: staff[role].id })

const post = (bytes: Buffer, filename: string, token?: string, column?: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), filename)
  if (column) form.append('column', column)
  return rest.post('/news/import-docx', { token, formData: form })
}

type LexicalNode = { type: string; tag?: string; text?: string; format?: number; listType?: string; value?: unknown; children?: LexicalNode[] }

const textOf = (node: LexicalNode): string => node.text ?? (node.children ?? []).map(textOf).join('')
/** What a reader sees, block by block: headings by level, paragraphs, list items, images. */
function blocksOf(body: { root: LexicalNode }): { kind: string; text: string }[] {
  return body.root.children!.flatMap((node) => {
    if (node.type === 'heading') return [{ kind: node.tag!, text: textOf(node) }]
    if (node.type === 'list') return node.children!.map((item) => ({ kind: `${node.listType}-item`, text: textOf(item) }))
    if (node.type === 'upload') return [{ kind: 'image', text: String(node.value) }]
    return [{ kind: node.type, text: textOf(node) }]
  })
}
/** The text as an editor compares it: full-width and half-width forms alike, no spacing. */
const normalise = (text: string) => text.normalize('NFKC').replace(/\s+/g, '')

const storedFiles = () => (fs.existsSync(process.env.MEDIA_DIR!) ? fs.readdirSync(process.env.MEDIA_DIR!).sort() : [])
const counts = async () => ({
  news: (await t.payload.count({ collection: 'news' })).totalDocs,
  media: (await t.payload.count({ collection: 'media' })).totalDocs,
  files: storedFiles(),
})

describe('the court report', () => {
  it('imports with its title, and every heading and paragraph in order', async () => {
    const { blocks, bytes } = await reportDocx()
    const result = await importDocx({ payload: t.payload, user: await userOf('editor'), file: bytes, filename: '总结.docx' })

    const [title, ...body] = blocks
    expect(result.title).toBe(title.text)
    expect(result.column.title).toBe('审判动态')
    expect(result.warnings).toContain('未选择栏目，已放入“审判动态”栏目，请在编辑页确认或更改。')

    const news = await t.payload.findByID({ collection: 'news', id: result.id, draft: true })
    expect(news._status).toBe('draft')
    expect(news.workflowState).toBe('draft')
    expect(news.publishedAt ?? null).toBeNull()
    const kinds = { heading1: 'h2', heading2: 'h3', paragraph: 'paragraph' } as Record<string, string>
    expect(blocksOf(news.body as never).map((b) => ({ ...b, text: normalise(b.text) }))).toEqual(
      body.map((b) => ({ kind: kinds[b.kind], text: normalise(b.text) })),
    )
    // 一、二、 and seven （一）… headings.
    expect(body.filter((b) => b.kind !== 'paragraph')).toHaveLength(9)
  })
})

describe('what converts', () => {
  let result: Awaited<ReturnType<typeof importDocx>>
  let body: { root: LexicalNode }

  beforeAll(async () => {
    const photo = await picture(320, 240)
    const gif = await picture(60, 40, '#b3261e').then((png) => import('sharp').then(({ default: sharp }) => sharp(png).gif().toBuffer()))
    const document = new Document({
      numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '巡回法庭走进田间地头', heading: HeadingLevel.TITLE }),
            new Paragraph({ children: [new TextRun('法官'), new TextRun({ text: '就地开庭', bold: true }), new TextRun({ text: '，当场调解', italics: true }), new TextRun('。')] }),
            new Paragraph({ text: '一、基本情况', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '调解员到场', bullet: { level: 0 } }),
            new Paragraph({ text: '双方签字', bullet: { level: 0 } }),
            new Paragraph({ text: '受理', numbering: { reference: 'steps', level: 0 } }),
            new Paragraph({ text: '结案', numbering: { reference: 'steps', level: 0 } }),
            new Table({
              rows: [
                new TableRow({ children: ['乡镇', '案件数'].map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
                new TableRow({ children: ['湖东镇', '12'].map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
              ],
            }),
            new Paragraph({
              children: [new ImageRun({ type: 'png', data: photo, transformation: { width: 160, height: 120 }, altText: { name: '调解', title: '', description: '法官在村委会调解邻里纠纷' } })],
            }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: photo, transformation: { width: 160, height: 120 } })] }),
            new Paragraph({ children: [new ImageRun({ type: 'gif', data: gif, transformation: { width: 60, height: 40 } })] }),
            new Paragraph({ children: [new ImageRun({ type: 'bmp', data: Buffer.from('BM not really a bitmap'), transformation: { width: 10, height: 10 } })] }),
            new Textbox({ children: [new Paragraph('文本框：调解协议当场履行。')], style: { width: '200pt', height: 'auto' } }),
            new Paragraph('案件圆满化解。'),
          ],
        },
      ],
    })
    const bytes = await Packer.toBuffer(document)
    result = await importDocx({ payload: t.payload, user: await userOf('editor'), file: bytes, filename: 'x.docx', column: null })
    body = (await t.payload.findByID({ collection: 'news', id: result.id, draft: true, depth: 0 })).body as never
  })

  it('takes the title from the Title paragraph and starts body headings at h2', () => {
    expect(result.title).toBe('巡回法庭走进田间地头')
    expect(blocksOf(body)[1]).toEqual({ kind: 'h2', text: '一、基本情况' })
  })

  it('keeps bold and italic', () => {
    const runs = body.root.children![0].children!
    expect(runs.map((run) => [run.text, run.format])).toEqual([
      ['法官', 0],
      ['就地开庭', 1],
      ['，当场调解', 2],
      ['。', 0],
    ])
  })

  it('keeps bulleted and numbered lists', () => {
    const items = blocksOf(body).filter((b) => b.kind.endsWith('-item'))
    expect(items).toEqual([
      { kind: 'bullet-item', text: '调解员到场' },
      { kind: 'bullet-item', text: '双方签字' },
      { kind: 'number-item', text: '受理' },
      { kind: 'number-item', text: '结案' },
    ])
  })

  it('turns a table into one paragraph a row, and says so', () => {
    const texts = blocksOf(body).map((b) => b.text)
    expect(texts).toContain('乡镇｜案件数')
    expect(texts).toContain('湖东镇｜12')
    expect(result.warnings.some((w) => w.includes('1 个表格已按行转为文字段落'))).toBe(true)
  })

  it('puts each picture in the media library, in place, with Word’s alt text or a flagged placeholder', async () => {
    const images = blocksOf(body).filter((b) => b.kind === 'image')
    expect(images.map((b) => b.text)).toEqual(result.images.map((image) => String(image.mediaId)))
    expect(result.images.map(({ n, altPending }) => [n, altPending])).toEqual([
      [1, false],
      [2, true],
      [3, true], // the GIF, converted: the media library takes no GIFs
    ])
    const media = await Promise.all(result.images.map(({ mediaId }) => t.payload.findByID({ collection: 'media', id: mediaId })))
    expect(media.map((m) => m.alt)).toEqual(['法官在村委会调解邻里纠纷', '（待补充：导入的图片 2，请填写替代文字）', '（待补充：导入的图片 3，请填写替代文字）'])
    expect(media.every((m) => m.createdBy && (typeof m.createdBy === 'object' ? m.createdBy.id : m.createdBy) === staff.editor.id)).toBe(true)
    expect(result.warnings).toContain(`第 2 张图片“${media[1].filename}”没有替代文字，已填入占位文字，请在图片库中为它填写；发布前检查会拦下占位文字。`)
    expect(result.warnings).toContain('第 1 张图片的替代文字取自 Word，请核对是否准确描述了图片内容。')
    // The first picture is offered as cover; the notes about pictures keep a link to the picture.
    const news = await t.payload.findByID({ collection: 'news', id: result.id, draft: true, depth: 0 })
    expect(news.cover).toBe(result.images[0].mediaId)
    expect(result.warnings).toContain('已将第 1 张图片设为封面图，请确认或更换。')
    expect(news.importNotes).toContainEqual({ text: result.warnings.find((w) => w.startsWith('第 2 张图片')), media: { id: media[1].id, name: media[1].filename } })
    // The BMP (or anything the web cannot show) is left out, with its number and reason.
    expect(result.warnings.some((w) => w.startsWith('第 4 张图片未能导入：图片格式为 BMP'))).toBe(true)
  })

  it('keeps a text box’s text as a paragraph, and says so', () => {
    expect(blocksOf(body).slice(-2).map((b) => b.text)).toEqual(['文本框：调解协议当场履行。', '案件圆满化解。'])
    expect(result.warnings).toContain('文中的文本框已作为普通段落导入，位置可能与原文不同，请核对。')
  })

  it('the placeholder alt text stops the item at the pre-publish check', async () => {
    const doc = await t.payload.findByID({ collection: 'news', id: result.id, draft: true, depth: 0 })
    const req = await createLocalReq({}, t.payload)
    const report = await checkBeforePublish({ collection: 'news', doc: doc as never, req })
    expect(report.errors.filter((p) => p.code === 'image-alt').map((p) => p.message)).toEqual([
      expect.stringContaining('替代文字尚待补充'),
      expect.stringContaining('替代文字尚待补充'),
    ])
  })
})

describe('refused files', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, string, string][] = [
    ['a PNG renamed .docx', badFiles.pngRenamed, '照片.docx', refusals.notDocx],
    ['random bytes named .docx', badFiles.randomBytes, '稿件.docx', refusals.notDocx],
    ['a password-protected (OLE compound) file', badFiles.compoundFile, '加密稿件.docx', refusals.encrypted],
    ['a legacy .doc', badFiles.compoundFile, '旧稿件.doc', refusals.encrypted],
    ['a truncated .docx', badFiles.truncated, '半截.docx', refusals.corrupt],
    ['a zip without a Word document', badFiles.otherZip, '压缩包.docx', refusals.notDocx],
    ['an empty document', badFiles.emptyDocument, '空白.docx', refusals.noText],
    ['an empty file', () => Buffer.alloc(0), '空.docx', refusals.empty],
    ['an oversized file', async () => Buffer.concat([await badFiles.truncated(), Buffer.alloc(21 * 1024 * 1024)]), '大.docx', refusals.tooLarge],
  ]

  it.each(cases)('%s', async (_name, make, filename, message) => {
    const before = await counts()
    const { status, json } = await post(await make(), filename, tokens.editor)
    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: message === refusals.tooLarge ? 413 : 400, message })
    expect(await counts()).toEqual(before)
  })

  it('a column that does not exist', async () => {
    const before = await counts()
    const { bytes } = await reportDocx()
    const { status, json } = await post(bytes, '总结.docx', tokens.editor, '99999')
    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 400, message: refusals.unknownColumn })
    expect(await counts()).toEqual(before)
  })

  it('a failure after the pictures were stored leaves neither records nor files', async () => {
    const before = await counts()
    const hooks = t.payload.collections.news.config.hooks.beforeChange
    const failing = () => {
      throw new Error('disk full')
    }
    hooks.push(failing)
    try {
      const bytes = await docxOf([
        new Paragraph({ text: '有图的稿件', heading: HeadingLevel.TITLE }),
        new Paragraph('正文。'),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: await picture(), transformation: { width: 60, height: 45 } })] }),
      ])
      const { status, json } = await post(bytes, '有图.docx', tokens.editor)
      expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 500, message: refusals.failed })
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }
    expect(await counts()).toEqual(before)
  })
})

describe('who may import', () => {
  it('nobody signed in: 401', async () => {
    const before = await counts()
    const { bytes } = await reportDocx()
    const { status, json } = await post(bytes, '总结.docx')
    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 401, message: refusals.notSignedIn })
    expect(await counts()).toEqual(before)
  })

  it('a contributor gets a 草稿 of their own, in the column they chose', async () => {
    const column = (await t.payload.find({ collection: 'columns', where: { title: { equals: '六善文化' } } })).docs[0]
    const bytes = await docxOf([new Paragraph({ text: '通讯员来稿', heading: HeadingLevel.HEADING_1 }), new Paragraph('村里来了法官。')])
    const { status, json } = await post(bytes, '来稿.docx', tokens.contributor, String(column.id))
    expect(status).toBe(201)
    expect(json).toMatchObject({ title: '通讯员来稿', column: { id: column.id, title: '六善文化' } })
    expect(json.warnings).toEqual(['已用正文第一段生成摘要，请核对修改。'])

    const { json: doc } = await rest.get(`/news/${json.id}?draft=true&depth=0`, { token: tokens.contributor })
    expect(doc).toMatchObject({ createdBy: staff.contributor.id, workflowState: 'draft', _status: 'draft', column: column.id })
    // The summary is proposed from the first paragraph, and the note stays on the item.
    expect(doc.summary).toBe('村里来了法官。')
    expect(doc.importNotes).toEqual([{ text: '已用正文第一段生成摘要，请核对修改。' }])
    expect(blocksOf(doc.body)).toEqual([{ kind: 'paragraph', text: '村里来了法官。' }])
  })

  it('a document without a title takes its file name, and says so', async () => {
    const bytes = await docxOf([new Paragraph('只有正文，没有标题。'), new Paragraph({ text: '一、情况', heading: HeadingLevel.HEADING_1 })])
    const { status, json } = await post(bytes, '湖东镇调解案例.docx', tokens.contributor)
    expect(status).toBe(201)
    expect(json.title).toBe('湖东镇调解案例')
    expect(json.warnings).toContain('文档中没有找到标题（“标题”样式或开头的标题段落），已暂用文件名“湖东镇调解案例”作为标题，请修改。')
  })
})
