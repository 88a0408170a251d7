// A Word document cannot make the CMS unusable for everyone else: the work one import may do is
// bounded (bytes really inflated, paragraphs) and done off the event loop.
import zlib from 'node:zlib'

import { Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { documentXmlOf, packageOf, paragraphXml } from './fixtures'
import { MAX_DOCX_BYTES, MAX_PARAGRAPHS, refusals } from './messages'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let token: string

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  const staff = await createStaff(t.payload)
  await t.payload.create({ collection: 'columns', data: { title: '审判动态', order: 1 } })
  token = await rest.login(staff.editor.email, testPassword)
})
afterAll(() => t?.close())

const post = (bytes: Uint8Array, filename: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), filename)
  return rest.post('/news/import-docx', { token, formData: form })
}
const newsCount = async () => (await t.payload.count({ collection: 'news' })).totalDocs

/** 60,000 one-character paragraphs: about 160 KB as a .docx. */
const manyParagraphs = () => {
  const body = Array.from({ length: 60_000 }, (_, i) => paragraphXml(String(i % 10))).join('')
  return zipSync(packageOf(body), { level: 9 })
}

/**
 * A zip bomb: word/document.xml really inflates to 210 MB of text, while the zip declares 2 KB
 * for it, so a check of declared sizes lets it through. Deflated by zlib (native, quick), put
 * in the zip as it is.
 */
function underDeclaredBomb(): Uint8Array {
  const [head] = documentXmlOf('').split('</w:body>')
  const xml = Buffer.concat([Buffer.from(`${head}<w:p><w:r><w:t>`), Buffer.alloc(210 * 1024 * 1024, 0x41), Buffer.from('</w:t></w:r></w:p></w:body></w:document>')])
  const deflated = zlib.deflateRawSync(xml, { level: 9 })
  const crc = zlib.crc32(xml)

  const chunks: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    chunks.push(chunk)
  })
  for (const [name, data] of Object.entries(packageOf(''))) {
    if (name === 'word/document.xml') continue
    const entry = new ZipDeflate(name)
    zip.add(entry)
    entry.push(data, true)
  }
  const document = new ZipPassThrough('word/document.xml')
  document.compression = 8
  // The data is deflated already: declare the false size and the true checksum, pass it through.
  document.push = function (chunk, final) {
    this.size = 2048
    this.crc = crc
    this.process(chunk as never, final ?? false)
  }
  zip.add(document)
  document.push(deflated, true)
  zip.end()
  return Buffer.concat(chunks)
}

describe('a document with 60,000 paragraphs', () => {
  it('is refused with the limit named, while other requests are answered meanwhile', async () => {
    const bytes = manyParagraphs()
    expect(bytes.length).toBeLessThan(MAX_DOCX_BYTES)
    const before = await newsCount()

    let importDone = false
    let answeredDuringImport = 0
    const importing = post(bytes, '长文.docx').finally(() => (importDone = true))
    // Someone else keeps using the CMS while the document is being read.
    while (!importDone) {
      const { status } = await rest.get('/columns?limit=1&depth=0', { token })
      expect(status).toBe(200)
      if (!importDone) answeredDuringImport++
      await new Promise((resolve) => setTimeout(resolve, 100)) // a person's pace, not a flood
    }
    const { status, json } = await importing

    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 400, message: refusals.tooManyParagraphs })
    expect(refusals.tooManyParagraphs).toContain(`超过 ${MAX_PARAGRAPHS} 段`)
    expect(answeredDuringImport).toBeGreaterThan(0)
    expect(await newsCount()).toBe(before)
  }, 300_000)
})

describe('a zip bomb that under-declares its size', () => {
  it('is refused once the bytes really inflated pass the budget, without holding them all', async () => {
    const bytes = underDeclaredBomb()
    expect(bytes.length).toBeLessThan(1024 * 1024)
    const before = await newsCount()

    // Sample the process's memory (the worker thread included) while the import runs.
    const base = process.memoryUsage().rss
    let peak = base
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const { status, json } = await post(bytes, '炸弹.docx').finally(() => clearInterval(sampler))

    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 400, message: refusals.documentTooLarge })
    // 210 MB inflated would show here; the budget stops at 16 MB of text.
    expect(peak - base).toBeLessThan(150 * 1024 * 1024)
    expect(await newsCount()).toBe(before)
  }, 300_000)
})
