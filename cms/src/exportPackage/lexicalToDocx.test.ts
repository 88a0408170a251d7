// Rich text → .docx paragraphs, without a database: each kind of Lexical node the editor saves.
import { describe, expect, it } from 'vitest'

import { element, entryText, paragraphs, unzip } from '../testing/docx'
import { buildArticleDocx } from './articleDocx'
import { safeFileName } from './buildPackage'
import { plainText, uploadIds } from './lexicalToDocx'
import { contentDisposition, rfc5987 } from '../http'

const base = { format: '', indent: 0, version: 1, direction: 'ltr' }
const text = (value: string, format = 0) => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 })
const p = (...children: object[]) => ({ ...base, type: 'paragraph', textFormat: 0, children })
const item = (value: number, ...children: object[]) => ({ ...base, type: 'listitem', value, children })
const list = (listType: string, ...children: object[]) => ({ ...base, type: 'list', listType, start: 1, tag: 'ol', children })
const lexical = (...children: object[]) => ({ root: { ...base, type: 'root', children } })

async function render(body: unknown) {
  const docx = await buildArticleDocx(
    { title: '标题', byline: '', body, leadPhotoIds: [], galleryPhotoIds: [], contactLine: '' },
    { photos: new Map() },
  )
  // Title and the blank line under it come first.
  return paragraphs(entryText(unzip(docx), 'word/document.xml')).slice(2)
}

describe('lexicalToDocx', () => {
  it('maps h1/h2 to 一级标题, h3 to 二级标题, lower headings to body text', async () => {
    const out = await render(
      lexical(
        { ...base, type: 'heading', tag: 'h2', children: [text('工作成效')] },
        { ...base, type: 'heading', tag: 'h3', children: [text('调解')] },
        { ...base, type: 'heading', tag: 'h4', children: [text('小节')] },
      ),
    )
    expect(out.map((para) => [para.style, para.text])).toEqual([
      ['Heading1', '工作成效'],
      ['Heading2', '调解'],
      ['GwBody', '小节'],
    ])
  })

  it('recognises typed 一、 and （一） headings, with ASCII brackets too', async () => {
    const out = await render(lexical(p(text('二、主要做法')), p(text('(三)强化保障')), p(text('一是加强领导。'))))
    expect(out.map((para) => para.style)).toEqual(['Heading1', 'Heading2', 'GwBody'])
  })

  it('keeps italic, underline, strikethrough, super- and subscript, links and line breaks', async () => {
    const [para] = await render(
      lexical(
        p(
          text('斜', 2),
          text('线', 8),
          text('删', 4),
          text('上', 64),
          text('下', 32),
          { ...base, type: 'link', fields: { url: 'https://example.com' }, children: [text('链接')] },
          { type: 'linebreak', version: 1 },
          text('次行'),
        ),
      ),
    )
    expect(para.text).toBe('斜线删上下链接次行')
    expect(para.xml).toContain('<w:i/>')
    expect(para.xml).toContain('<w:u w:val="single"/>')
    expect(para.xml).toContain('<w:strike/>')
    expect(para.xml).toContain('<w:vertAlign w:val="superscript"/>')
    expect(para.xml).toContain('<w:vertAlign w:val="subscript"/>')
    expect(para.xml).toMatch(/<w:br\/>[\s\S]*次行/)
  })

  it('numbers lists 1. then （1）, and marks bullets and checklists', async () => {
    const out = await render(
      lexical(
        list('number', item(1, text('第一项'), list('number', item(1, text('细项')), item(2, text('细项二')))), item(2, text('第二项'))),
        list('bullet', item(1, text('要点'))),
        list('check', { ...item(1, text('已办')), checked: true }, item(2, text('待办'))),
      ),
    )
    expect(out.map((para) => para.text)).toEqual(['1.第一项', '（1）细项', '（2）细项二', '2.第二项', '• 要点', '☑ 已办', '□ 待办'])
    expect(element(out[1].xml, 'w:ind')).toMatchObject({ 'w:firstLineChars': '400' })
  })

  it('drops empty paragraphs and typed indents, and does not indent centred text', async () => {
    const out = await render(lexical(p(), p(text('　　 ')), p(text('　　正文')), { ...p(text('居中')), format: 'center' }))
    expect(out.map((para) => para.text)).toEqual(['正文', '居中'])
    expect(element(out[1].xml, 'w:jc')).toEqual({ 'w:val': 'center' })
    expect(element(out[1].xml, 'w:ind')).toMatchObject({ 'w:firstLine': '0' })
  })

  it('leaves out images it has no file for, and lists the ones placed in the text', async () => {
    const body = lexical(p(text('甲')), { type: 'upload', relationTo: 'media', value: { id: 7 }, fields: {} }, p(text('乙')))
    expect(uploadIds(body)).toEqual([7])
    expect((await render(body)).map((para) => para.text)).toEqual(['甲', '乙'])
    expect(plainText(body)).toBe('甲\n乙')
  })
})

describe('file names', () => {
  it('drops characters Windows refuses and shortens long titles', () => {
    expect(safeFileName('关于"诉源治理"的报告: 上/下半年?')).toBe('关于 诉源治理 的报告 上 下半年')
    expect([...safeFileName('长'.repeat(100))]).toHaveLength(60)
    expect(safeFileName(' ... ')).toBe('稿件')
  })

  it('encodes the download name per RFC 5987, including the characters encodeURIComponent keeps', () => {
    expect(rfc5987("报送-（一）it's (1)*.zip")).toBe(`${encodeURIComponent('报送-（一）it')}%27s%20%281%29%2A.zip`)
    expect(contentDisposition('报送-新闻.zip', 'package-news-1.zip')).toBe(
      `attachment; filename="package-news-1.zip"; filename*=UTF-8''${encodeURIComponent('报送-新闻.zip')}`,
    )
  })
})
