// Uploaded files cannot disguise their names or run inside the CMS's origin.
import { REST_GET } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tinyPng } from '../testing/fixtures'
import { type EditorSession, startAsEditor } from '../testing/editorSession'
import type { TestPayload } from '../testing/testPayload'
import { cleanFileName } from './fileNames'

let t: TestPayload
let rest: EditorSession['rest']
let token: string

// A PDF whose first page runs a script when a browser's viewer opens it inline.
const scriptedPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    '3 0 obj<</S/JavaScript/JS(app.alert\\(document.cookie\\))>>endobj\nxref\n0 4\n0000000000 65535 f \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n0\n%%EOF\n',
)

const upload = (collection: string, bytes: Buffer, filename: string, type: string, data: Record<string, unknown>) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  form.append('_payload', JSON.stringify(data))
  return rest.post(`/${collection}`, { token, formData: form })
}

beforeAll(async () => {
  ;({ t, rest, token } = await startAsEditor())
})
afterAll(() => t?.close())

describe('file names lose bidi and control characters', () => {
  it('a photo named with a right-to-left override is stored under a plain name', async () => {
    const res = await upload('media', await tinyPng(), 'photo\u202Egnp.exe.png', 'image/png', { alt: '测试图片' })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    // (A PNG original stays a PNG, so its transparency survives.)
    expect(res.json.doc.filename).toBe('photognp.exe.png')
  })
  it('a proof named with isolates and zero-width characters', async () => {
    const res = await upload('proofs', scriptedPdf, '\u2066刊用\u200b证明\u2069\u202Efdp.pdf', 'application/pdf', { description: '版面' })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    expect(res.json.doc.filename).not.toMatch(/[\u200b\u202a-\u202e\u2066-\u2069]/u)
  })
  it('cleanFileName keeps ordinary Chinese names as they are', () => {
    expect(cleanFileName('2025年5月 人民法院报 第3版.pdf')).toBe('2025年5月 人民法院报 第3版.pdf')
    expect(cleanFileName('\u202E\u0000')).toBe('file')
  })
})

describe('proofs are downloaded, never rendered inline', () => {
  it('serves a PDF with JavaScript as an attachment with nosniff and a sandbox', async () => {
    const created = await upload('proofs', scriptedPdf, 'proof.pdf', 'application/pdf', { description: '带脚本的 PDF' })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const filename = created.json.doc.filename
    const request = new Request(`http://localhost:3000/api/proofs/file/${encodeURIComponent(filename)}`, { headers: { Authorization: `JWT ${token}` } })
    const response = await REST_GET(t.config)(request, { params: Promise.resolve({ slug: ['proofs', 'file', filename] }) })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
  })
})
