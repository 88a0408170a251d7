// The 报送材料包 reads bylines as people type them, keeps the contact line with the text, breaks
// long titles evenly, and ships photos with their transparency (white, never black, in the .docx).
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { entryText, paragraphs, unzip } from '../testing/docx'
import { sampleData } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { parseByline } from './authors'
import { buildPackage } from './buildPackage'
import { loadPackageInput } from './loadPackage'
import { balancedLines, titleCharsPerLine } from './titleLines'

describe('bylines', () => {
  it('a department before a name is the author’s department, not another author', () => {
    expect(parseByline('立案庭 马某')).toEqual([{ name: '马某', department: '立案庭' }])
    expect(parseByline('张某 李某')).toEqual([{ name: '张某' }, { name: '李某' }])
    expect(parseByline('政治部 王某 刘某、办公室 赵某')).toEqual([
      { name: '王某', department: '政治部' },
      { name: '刘某', department: '政治部' },
      { name: '赵某', department: '办公室' },
    ])
  })
})

describe('title lines', () => {
  it('a title one character too long for a line breaks into two even lines, not 22 + 1', () => {
    const title = '湖西县人民法院扎实推进“六善”法院建设重点任务'
    expect([...title].length).toBe(titleCharsPerLine + 1)
    const lines = balancedLines(title)
    expect(lines.join('')).toBe(title)
    expect(lines).toHaveLength(2)
    for (const line of lines) expect([...line].length).toBeGreaterThanOrEqual(10)
    expect(balancedLines('短标题')).toEqual(['短标题'])
  })
})

let t: TestPayload
beforeAll(async () => {
  t = await startTestPayload()
  await t.payload.updateGlobal({ slug: 'site-settings', data: { courtName: '湖西县人民法院', phone: '0000-1234567' } })
})
afterAll(() => t?.close())

const base = { format: '', indent: 0, version: 1, direction: 'ltr' }
const text = (value: string) => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const p = (value: string) => ({ ...base, type: 'paragraph', textFormat: 0, children: [text(value)] })
const lexical = (...children: object[]) => ({ root: { ...base, type: 'root', children } })

async function packageOf(data: Record<string, unknown>) {
  const sample = await sampleData(t.payload, 'news', String(Math.random()))
  const doc = await t.payload.create({ collection: 'news', data: { ...sample, ...data, _status: 'published' } as never })
  const loaded = await loadPackageInput(t.payload, { collection: 'news', id: doc.id })
  if (!loaded.ok) throw new Error(loaded.message)
  return unzip((await buildPackage(loaded.input)).zip)
}
const manuscriptOf = (files: Record<string, Uint8Array>) => files[Object.keys(files).find((name) => name.endsWith('.docx') && name !== '报送单.docx')!]

describe('the package of an item by “立案庭 马某” with a transparent logo', () => {
  let files: Record<string, Uint8Array>
  let documentXml: string
  const title = '湖西县人民法院扎实推进“六善”法院建设重点任务'

  beforeAll(async () => {
    const logo = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: { create: { width: 100, height: 100, channels: 4, background: '#1f4e79' } }, left: 150, top: 100 }])
      .png()
      .toBuffer()
    const media = await t.payload.create({
      collection: 'media',
      data: { alt: '法院院徽' },
      file: { data: logo, mimetype: 'image/png', name: 'logo.png', size: logo.length },
    })
    files = await packageOf({ title, byline: { writer: '立案庭 马某' }, cover: media.id, body: lexical(p('立案庭推行一站式诉讼服务。')) })
    documentXml = entryText(unzip(manuscriptOf(files)), 'word/document.xml')
  })

  it('the 报送单 names one author of 立案庭 and 马某 as the contact', () => {
    const rows = paragraphs(entryText(unzip(files['报送单.docx']), 'word/document.xml')).map((para) => para.text)
    const after = (label: string) => rows[rows.indexOf(label) + 1]
    expect(after('作者')).toBe('立案庭 马某')
    expect(after('联系人')).toBe('马某　0000-1234567')
  })

  it('the manuscript’s byline and contact line', () => {
    const all = paragraphs(documentXml)
    expect(all[1].text).toBe('（通讯员 立案庭 马某）')
    expect(all.at(-1)!.text).toBe('报送单位：湖西县人民法院　联系人：马某　联系电话：0000-1234567')
  })

  it('keeps the contact line with the text before it: the last text paragraph and the blank line keep with the next', () => {
    const all = paragraphs(documentXml)
    const contact = all.length - 1
    expect(all[contact].xml).toContain('<w:keepLines/>')
    expect(all[contact - 1].xml).toContain('<w:keepNext/>')
    expect(all[contact - 2]).toMatchObject({ text: '立案庭推行一站式诉讼服务。' })
    expect(all[contact - 2].xml).toContain('<w:keepNext/>')
  })

  it('breaks the 23-character title into two even lines', () => {
    const [first] = paragraphs(documentXml)
    expect(first.style).toBe('Title')
    expect(first.text).toBe(title)
    expect(first.xml.match(/<w:br\/>/g)).toHaveLength(1)
  })

  it('ships the original PNG with its transparency, and a white (not black) background in the .docx', async () => {
    const original = files[Object.keys(files).find((name) => name.startsWith('图片/'))!]
    const raw = await sharp(original).ensureAlpha().raw().toBuffer()
    expect((await sharp(original).metadata()).format).toBe('png')
    expect(raw[3]).toBe(0) // the corner is transparent
    const docx = unzip(manuscriptOf(files))
    const picture = docx[Object.keys(docx).find((name) => name.startsWith('word/media/'))!]
    const corner = await sharp(picture).extract({ left: 0, top: 0, width: 1, height: 1 }).removeAlpha().raw().toBuffer()
    expect([...corner]).toEqual([255, 255, 255])
  })
})
