// The 报送材料包 of a published news item, built from a real Payload on a real SQLite database:
// the .docx checked against GB/T 9704 in its XML, then opened by LibreOffice (when installed).
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { entryText, element, elements, findSoffice, paragraphs, pdfPages, styleXml, unzip, convertToPdf } from '../testing/docx'
import { createStaff, sampleData, type Staff } from '../testing/fixtures'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { buildPackage, type Package } from './buildPackage'
import { loadPackageInput } from './loadPackage'

let t: TestPayload
let staff: Staff
let newsId: number
let pkg: Package
let files: Record<string, Uint8Array>
let documentXml: string
let stylesXml: string

const mm = (value: number) => Math.round((value * 1440) / 25.4)

/** Lexical nodes, as the admin editor saves them. */
const base = { format: '', indent: 0, version: 1, direction: 'ltr' }
const text = (value: string, format = 0) => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 })
const p = (...children: object[]) => ({ ...base, type: 'paragraph', textFormat: 0, children })
const h = (tag: string, value: string) => ({ ...base, type: 'heading', tag, children: [text(value)] })
const upload = (id: number) => ({ type: 'upload', version: 3, format: '', relationTo: 'media', value: id, fields: {} })
const list = (listType: string, ...items: string[]) => ({
  ...base,
  type: 'list',
  listType,
  tag: listType === 'number' ? 'ol' : 'ul',
  start: 1,
  children: items.map((item, index) => ({ ...base, type: 'listitem', value: index + 1, children: [text(item)] })),
})
const lexical = (...children: object[]) => ({ root: { ...base, type: 'root', children } })

async function photo(label: string, colour: string, extra: Record<string, unknown>) {
  const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } }).jpeg().toBuffer()
  return t.payload.create({
    collection: 'media',
    data: { alt: `${label}的照片`, ...extra },
    file: { data, mimetype: 'image/jpeg', name: `${label}.jpg`, size: data.length },
  })
}

async function publishedNews(label: string, data: Record<string, unknown>) {
  const sample = await sampleData(t.payload, 'news', label)
  const doc = await t.payload.create({ collection: 'news', data: { ...sample, ...data, _status: 'published' } as never })
  return doc.id
}

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  await t.payload.updateGlobal({ slug: 'site-settings', data: { courtName: '湖西县人民法院', phone: '0000-1234567（示例）' } })

  const cover = await photo('cover', '#1f4e79', { caption: '法官在村委会为群众解答法律问题', credit: '王摄影' })
  const inText = await photo('mediation', '#b3261e', { caption: '调解现场' })
  // Uploads go to the test's own directory, never the project's media/.
  if (!fs.existsSync(path.join(t.dir, 'media', 'cover.jpg'))) throw new Error(`uploads went elsewhere: ${cover.filename}`)
  newsId = await publishedNews('package', {
    title: '湖西法院深化诉源治理 打造“六善”法院',
    byline: { writer: '张三', photographer: '李四' },
    cover: cover.id,
    body: lexical(
      p(text('　　今年以来，湖西县人民法院坚持把非诉讼纠纷解决机制挺在前面，')),
      h('h2', '一、强化政治引领'),
      p(text('全院干警'), text('牢记嘱托', 1), text('，深入村镇开展普法宣传 2025 场次。')),
      p(text('（一）深化诉源治理。本院在 15 个乡镇设立法官工作站。')),
      upload(inText.id),
      list('number', '完善工作机制', '加强队伍建设'),
    ),
  })
  // The approver who published it, as the workflow records it.
  await t.payload.create({
    collection: 'signoffs',
    data: { docCollection: 'news', docId: String(newsId), docTitle: '诉源治理', action: 'publish', toState: 'published', actor: staff.approver.id, actorName: '赵签发', actorRole: 'approver' } as never,
    overrideAccess: true,
  })

  const loaded = await loadPackageInput(t.payload, { collection: 'news', id: newsId })
  if (!loaded.ok) throw new Error(loaded.message)
  pkg = await buildPackage(loaded.input)
  files = unzip(pkg.zip)
  const docx = unzip(files['湖西法院深化诉源治理 打造“六善”法院.docx'])
  documentXml = entryText(docx, 'word/document.xml')
  stylesXml = entryText(docx, 'word/styles.xml')
  fs.writeFileSync(path.join(t.dir, 'article.docx'), files['湖西法院深化诉源治理 打造“六善”法院.docx'])
  fs.writeFileSync(path.join(t.dir, 'form.docx'), files['报送单.docx'])
})
afterAll(() => t?.close())

describe('the zip', () => {
  it('holds the manuscript, the 报送单, the photos in order and their captions', () => {
    expect(pkg.fileName).toBe('报送-湖西法院深化诉源治理 打造“六善”法院.zip')
    expect(Object.keys(files).sort()).toEqual(
      ['湖西法院深化诉源治理 打造“六善”法院.docx', '报送单.docx', '图片/01-cover.jpg', '图片/02-mediation.jpg', '图片说明.txt'].sort(),
    )
    // The originals, byte for byte as stored.
    expect(files['图片/01-cover.jpg'].subarray(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]))
  })

  it('lists each photo with its caption and 摄影 credit, the byline photographer standing in for a missing one', () => {
    expect([...files['图片说明.txt'].subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // for Notepad
    const blocks = entryText(files, '图片说明.txt').trimEnd().split('\r\n\r\n')
    expect(blocks[0]).toBe('《湖西法院深化诉源治理 打造“六善”法院》图片说明\r\n共 2 张')
    expect(blocks[1]).toBe('01-cover.jpg\r\n图片说明：法官在村委会为群众解答法律问题\r\n摄影：王摄影')
    expect(blocks[2]).toBe('02-mediation.jpg\r\n图片说明：调解现场\r\n摄影：李四')
  })
})

describe('the manuscript follows GB/T 9704-2012', () => {
  it('is A4 with margins 37 / 35 / 28 / 26 mm', () => {
    expect(element(documentXml, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' })
    expect(mm(37)).toBe(2098)
    expect(element(documentXml, 'w:pgMar')).toMatchObject({
      'w:top': String(mm(37)),
      'w:bottom': String(mm(35)),
      'w:left': String(mm(28)),
      'w:right': String(mm(26)),
    })
  })

  it('sets the title in 2号方正小标宋简体, centred', () => {
    const title = styleXml(stylesXml, 'Title')
    expect(element(title, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '方正小标宋简体' })
    expect(element(title, 'w:sz')).toEqual({ 'w:val': '44' })
    expect(element(title, 'w:jc')).toEqual({ 'w:val': 'center' })
    const [first] = paragraphs(documentXml)
    expect(first).toMatchObject({ style: 'Title', text: '湖西法院深化诉源治理 打造“六善”法院' })
  })

  it('sets the body in 3号仿宋_GB2312 with Times New Roman for Latin, indented two characters, on a fixed 28.95 pt line', () => {
    for (const xml of [styleXml(stylesXml, 'GwBody'), stylesXml.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0]]) {
      expect(element(xml, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman' })
      expect(element(xml, 'w:sz')).toEqual({ 'w:val': '32' })
      const spacing = element(xml, 'w:spacing')!
      expect(spacing['w:lineRule']).toBe('exact')
      expect(Number(spacing['w:line'])).toBeGreaterThanOrEqual(560)
      expect(Number(spacing['w:line'])).toBeLessThanOrEqual(580)
    }
    expect(element(styleXml(stylesXml, 'GwBody'), 'w:ind')).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' })
    const body = paragraphs(documentXml).find((para) => para.text.startsWith('今年以来'))!
    expect(body.style).toBe('GwBody') // and the typed full-width spaces are gone
  })

  it('puts the byline under the title and the contact line at the end', () => {
    const all = paragraphs(documentXml)
    expect(all[1]).toMatchObject({ style: 'GwByline', text: '（通讯员 张三）' })
    expect(all.at(-1)!.text).toBe('报送单位：湖西县人民法院　联系人：张三　联系电话：0000-1234567（示例）')
  })

  it('sets 一、 headings in 黑体 and （一） in 楷体, keeping the text after a run-in heading in 仿宋', () => {
    expect(element(styleXml(stylesXml, 'Heading1'), 'w:rFonts')).toMatchObject({ 'w:eastAsia': '黑体' })
    expect(element(styleXml(stylesXml, 'Heading2'), 'w:rFonts')).toMatchObject({ 'w:eastAsia': '楷体_GB2312' })
    const all = paragraphs(documentXml)
    expect(all.find((para) => para.text === '一、强化政治引领')?.style).toBe('Heading1')
    const runIn = all.find((para) => para.text.startsWith('（一）'))!
    const runs = [...runIn.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1])
    expect(runs[0]).toContain('（一）深化诉源治理。')
    expect(element(runs[0], 'w:rFonts')).toMatchObject({ 'w:eastAsia': '楷体_GB2312' })
    expect(runs[1]).toContain('本院在 15 个乡镇')
    expect(element(runs[1], 'w:rFonts')).toBeUndefined()
  })

  it('keeps bold text bold and numbers list items 1. 2.', () => {
    const bold = paragraphs(documentXml).find((para) => para.text.includes('牢记嘱托'))!
    expect(bold.xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">牢记嘱托<\/w:t>/)
    expect(paragraphs(documentXml).filter((para) => /^\d\./.test(para.text)).map((para) => para.text)).toEqual(['1.完善工作机制', '2.加强队伍建设'])
  })

  it('places the photos inline with their captions', () => {
    const all = paragraphs(documentXml)
    const figures = all.map((para, index) => ({ ...para, index })).filter((para) => para.xml.includes('<wp:inline'))
    expect(figures).toHaveLength(2)
    expect(all[figures[0].index + 1].text).toBe('法官在村委会为群众解答法律问题（摄影 王摄影）')
    expect(all[figures[1].index + 1].text).toBe('调解现场（摄影 李四）')
    // 150 mm wide at most: 1200 × 800 px becomes 150 × 100 mm (EMU: 36000 a millimetre).
    const extent = element(figures[0].xml, 'wp:extent')!
    expect(Number(extent.cx)).toBeLessThanOrEqual(150 * 36000)
    expect(Number(extent.cx) / Number(extent.cy)).toBeCloseTo(1.5, 2)
  })

  it('numbers pages "— 1 —" in 4号宋体, odd pages right and even pages left', () => {
    const docx = unzip(files['湖西法院深化诉源治理 打造“六善”法院.docx'])
    const references = elements(documentXml, 'w:footerReference')
    expect(references.map((ref) => ref['w:type']).sort()).toEqual(['default', 'even'])
    expect(entryText(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>')
    const footers = Object.keys(docx).filter((name) => /^word\/footer\d+\.xml$/.test(name))
    expect(footers).toHaveLength(2)
    const sides = footers.map((name) => {
      const xml = entryText(docx, name)
      expect(paragraphs(xml)[0].text).toBe('—  —') // the number itself is the PAGE field between
      expect(xml).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/)
      for (const fonts of elements(xml, 'w:rFonts')) expect(fonts).toMatchObject({ 'w:ascii': '宋体', 'w:eastAsia': '宋体' })
      for (const size of elements(xml, 'w:sz')) expect(size).toEqual({ 'w:val': '28' })
      return element(xml, 'w:jc')!['w:val']
    })
    expect(sides.sort()).toEqual(['left', 'right'])
  })

  it('names its fonts but embeds none', () => {
    for (const name of ['文章', '报送单']) {
      const docx = unzip(name === '文章' ? files['湖西法院深化诉源治理 打造“六善”法院.docx'] : files['报送单.docx'])
      expect(Object.keys(docx).filter((entry) => entry.startsWith('word/fonts/') || /\.(odttf|ttf|otf)$/i.test(entry))).toEqual([])
      const fontTable = entryText(docx, 'word/fontTable.xml')
      expect(fontTable).not.toMatch(/w:embed(Regular|Bold|Italic|BoldItalic)/)
      expect(entryText(docx, 'word/settings.xml')).not.toContain('embedTrueTypeFonts')
    }
  })
})

describe('the 报送单', () => {
  it('names the item, its authors and the signer; the outlet is left blank without a submission', () => {
    const rows = paragraphs(entryText(unzip(files['报送单.docx']), 'word/document.xml')).map((para) => para.text)
    const after = (label: string) => rows[rows.indexOf(label) + 1]
    expect(rows[0]).toBe('外宣稿件报送单')
    expect(after('稿件标题')).toBe('湖西法院深化诉源治理 打造“六善”法院')
    expect(after('稿件类型')).toBe('新闻')
    expect(after('报送媒体')).toBe('')
    expect(after('作者')).toBe('张三')
    expect(after('审签人')).toBe('赵签发')
    expect(after('门户发布')).toBe('2025-05-01')
    expect(after('附件')).toMatch(/^稿件 1 份（\d+ 字），图片 2 张（附图片说明）$/)
  })
})

const soffice = findSoffice()
if (!soffice) console.warn('skipped the LibreOffice checks: soffice is not on PATH (apt-get install -y libreoffice-writer-nogui)')

describe.skipIf(!soffice)('LibreOffice opens the documents', () => {
  const a4 = (size: { width: number; height: number }) => {
    expect(Math.abs(size.width - 595.3)).toBeLessThanOrEqual(1)
    expect(Math.abs(size.height - 841.9)).toBeLessThanOrEqual(1)
  }

  it('converts a short article to one A4 page, and a long one to several', async () => {
    const short = await loadPackageInput(t.payload, {
      collection: 'news',
      id: await publishedNews('short', { title: '短讯', body: lexical(p(text('湖西县人民法院开展普法宣传活动。'))) }),
    })
    const paragraphsOfText = Array.from({ length: 40 }, (_, i) => p(text(`第${i + 1}段：法官深入村镇开展巡回审判和普法宣传，就地化解矛盾纠纷，`.repeat(3))))
    const long = await loadPackageInput(t.payload, {
      collection: 'news',
      id: await publishedNews('long', { title: '长篇通讯', body: lexical(...paragraphsOfText) }),
    })
    if (!short.ok || !long.ok) throw new Error('not loaded')

    for (const [name, input, expectPages] of [
      ['short', short.input, (count: number) => expect(count).toBe(1)],
      ['long', long.input, (count: number) => expect(count).toBeGreaterThan(2)],
    ] as const) {
      const zip = unzip((await buildPackage(input)).zip)
      const docxName = Object.keys(zip).find((entry) => entry.endsWith('.docx') && entry !== '报送单.docx')!
      const file = path.join(t.dir, `${name}.docx`)
      fs.writeFileSync(file, zip[docxName])
      const pdf = pdfPages(await convertToPdf(soffice!, file, t.dir))
      expectPages(pdf.count)
      expect(pdf.sizes).toHaveLength(pdf.count)
      pdf.sizes.forEach(a4)
    }
  })

  it('converts the article with photos and the one-page 报送单', async () => {
    const article = pdfPages(await convertToPdf(soffice!, path.join(t.dir, 'article.docx'), t.dir))
    expect(article.count).toBeGreaterThanOrEqual(1)
    article.sizes.forEach(a4)
    const form = pdfPages(await convertToPdf(soffice!, path.join(t.dir, 'form.docx'), t.dir))
    expect(form.count).toBe(1)
    form.sizes.forEach(a4)
  })
})
