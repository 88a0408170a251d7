// A news item exported as the submission package's .docx (exportPackage/, 公文 layout) and imported
// again comes back with the same title, headings and paragraphs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildArticleDocx } from '../exportPackage/articleDocx'
import { createStaff, type Staff } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { importDocx } from './importDocx'

let t: TestPayload
let staff: Staff

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  await t.payload.create({ collection: 'columns', data: { title: '审判动态' } })
})
afterAll(() => t?.close())

const base = { format: '' as const, indent: 0, version: 1, direction: 'ltr' as const }
const text = (value: string, format = 0) => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 })
const heading = (tag: 'h2' | 'h3', value: string) => ({ ...base, type: 'heading', tag, children: [text(value)] })
const paragraph = (...children: ReturnType<typeof text>[]) => ({ ...base, type: 'paragraph', textFormat: 0, textStyle: '', children })

type Node = { type: string; tag?: string; text?: string; format?: number; children?: Node[] }
const textOf = (node: Node): string => node.text ?? (node.children ?? []).map(textOf).join('')
const blocksOf = (body: { root: Node }) => body.root.children!.map((node) => ({ kind: node.tag ?? node.type, text: textOf(node) }))
const boldOf = (body: { root: Node }) =>
  body.root.children!.flatMap((node) => (node.children ?? []).filter((run) => (run.format ?? 0) & 1).map((run) => run.text))

describe('export, then import', () => {
  it('gives back the same title, headings and paragraphs', async () => {
    const body = {
      root: {
        ...base,
        type: 'root',
        children: [
          paragraph(text('5月12日，湖西县人民法院在湖东镇法官工作站开展“法律进乡村”活动。')),
          heading('h2', '一、主要做法'),
          heading('h3', '（一）巡回审判就地化解'),
          paragraph(text('法官'), text('就地开庭', 1), text('，当场调解，当事人握手言和。')),
          heading('h3', '（二）以案释法'),
          paragraph(text('围绕民法典相邻关系、婚姻家庭等内容答疑解惑，发放宣传资料200余份。')),
          heading('h2', '二、下一步打算'),
          paragraph(text('下一步，县法院将继续推进诉源治理，让“小事不出村，大事不出镇”。')),
        ],
      },
    }
    const author = await t.payload.findByID({ collection: 'users', id: staff.editor.id })
    const column = (await t.payload.find({ collection: 'columns', limit: 1 })).docs[0]
    const original = await t.payload.create({
      collection: 'news',
      data: { title: '巡回审判进乡村 法律服务零距离', body: body as never, column: column.id, _status: 'draft' },
      draft: true,
      user: author,
      overrideAccess: false,
    })

    const docx = await buildArticleDocx(
      { title: original.title, byline: '', body: original.body, leadPhotoIds: [], galleryPhotoIds: [], contactLine: '' },
      { photos: new Map() },
    )
    const result = await importDocx({ payload: t.payload, user: author, file: docx, filename: 'export.docx', column: column.id })
    const imported = await t.payload.findByID({ collection: 'news', id: result.id, draft: true, depth: 0 })

    expect(imported.title).toBe(original.title)
    expect(blocksOf(imported.body as never)).toEqual(blocksOf(original.body as never))
    expect(boldOf(imported.body as never)).toEqual(['就地开庭'])
  })
})
