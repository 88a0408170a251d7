// Uploads against the real production server (`next start`): files up to the documented 20 MB
// arrive whole; larger ones are refused with a Chinese message naming the limit — photos, Word
// documents and 刊用证明 alike. The 120 MB uploads are streamed, never held in memory.
import crypto from 'node:crypto'

import { Document, ImageRun, Packer, Paragraph } from 'docx'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refusals } from '../../cms/src/wordImport/messages'
import { MAX_UPLOAD_BYTES, uploadTooLarge } from '../../cms/src/uploadLimit'
import { seedPassword, startSeededCms } from '../helpers/portal'
import type { RunningCms } from '../helpers/server'

const MiB = 1024 * 1024
let cms: RunningCms
let token: string

beforeAll(async () => {
  cms = await startSeededCms()
  const login = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.com', password: seedPassword }),
  }).then((response) => response.json())
  token = login.token
}, 300_000)
afterAll(() => cms?.stop())

/** A photo of random noise (it does not compress) of about `bytes`, a real JPEG. */
async function noisePhoto(bytes: number): Promise<Buffer> {
  const pixels = Math.ceil(bytes / 1.45) // q100 noise: about 1.45 bytes a pixel
  const width = Math.ceil(Math.sqrt(pixels * 1.33))
  const height = Math.ceil(pixels / width)
  return sharp(crypto.randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).jpeg({ quality: 100 }).toBuffer()
}

/** A .docx that is one big photo. */
const docxWith = async (photo: Buffer) =>
  Packer.toBuffer(
    new Document({
      sections: [{ children: [new Paragraph('巡回审判现场'), new Paragraph({ children: [new ImageRun({ type: 'jpg', data: photo, transformation: { width: 400, height: 300 } })] })] }],
    }),
  )

/**
 * A multipart body streamed in 1 MiB pieces: the file's first bytes, then padding up to
 * `size`, never the whole of it in memory. A function, so that it can be streamed again.
 */
function streamedForm(field: string, filename: string, type: string, head: Buffer, size: number, extra: Record<string, string> = {}) {
  const boundary = `----liushan${crypto.randomBytes(8).toString('hex')}`
  const fields = Object.entries(extra)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('')
  const opening = Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`)
  const closing = Buffer.from(`\r\n--${boundary}--\r\n`)
  const padding = Buffer.alloc(MiB)
  const body = () => {
    let sent = 0
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(opening)
        controller.enqueue(head.subarray(0, size))
        sent = Math.min(head.length, size)
      },
      pull(controller) {
        if (sent >= size) {
          controller.enqueue(closing)
          controller.close()
          return
        }
        const piece = padding.subarray(0, Math.min(MiB, size - sent))
        sent += piece.length
        controller.enqueue(piece)
      },
    })
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

async function send(path: string, form: { body: (() => ReadableStream<Uint8Array>) | FormData; contentType?: string }) {
  const headers: Record<string, string> = { Authorization: `JWT ${token}` }
  if (form.contentType) headers['Content-Type'] = form.contentType
  const body = () => (typeof form.body === 'function' ? form.body() : form.body)
  const post = () => fetch(`${cms.url}/api${path}`, { method: 'POST', headers, body: body(), duplex: 'half' } as RequestInit)
  // A kept-alive connection that the server (or Payload's upload parser, after refusing an
  // oversized upload) has just closed fails the next request written on it, before that
  // request reaches the server: it is sent again on a new connection, as browsers do.
  const response = await post().catch((error: Error & { cause?: { code?: string } }) => {
    if (error.cause?.code !== 'ECONNRESET' && error.cause?.code !== 'EPIPE') throw error
    return post()
  })
  return { status: response.status, json: (await response.json().catch(() => ({}))) as { doc?: { filesize?: number }; id?: number; errors?: { message: string }[] } }
}

const formOf = (filename: string, type: string, data: Buffer, extra: Record<string, string> = {}) => {
  const form = new FormData()
  for (const [name, value] of Object.entries(extra)) form.append(name, value)
  form.append('file', new Blob([new Uint8Array(data)], { type }), filename)
  return { body: form }
}

let photo19: Buffer
beforeAll(async () => {
  // 19 MB (decimal, as people count) is 18.1 MiB.
  photo19 = await noisePhoto(18.3 * MiB)
  expect(photo19.length).toBeGreaterThan(17 * MiB)
  expect(photo19.length).toBeLessThan(MAX_UPLOAD_BYTES)
}, 300_000)

const alt = { _payload: JSON.stringify({ alt: '巡回审判现场' }) }

describe('photos (图片库)', () => {
  it.each([9, 12])('a %i MB photo is stored whole', async (size) => {
    const bytes = await noisePhoto(size * MiB)
    const { status, json } = await send('/media', formOf(`现场-${size}.jpg`, 'image/jpeg', bytes, alt))
    expect(status).toBe(201)
    expect(json.doc?.filesize).toBeGreaterThan(0)
  }, 300_000)

  it('a 19 MB photo is stored whole', async () => {
    const { status } = await send('/media', formOf('现场-19.jpg', 'image/jpeg', photo19, alt))
    expect(status).toBe(201)
  }, 300_000)

  it.each([21, 120])('a %i MB photo is refused with the limit named', async (size) => {
    const { status, json } = await send('/media', streamedForm('file', `大图-${size}.jpg`, 'image/jpeg', photo19, size * MiB, alt))
    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 413, message: uploadTooLarge })
    expect(uploadTooLarge).toContain('不能超过 20 MB')
  }, 300_000)
})

describe('Word documents (从 Word 导入)', () => {
  it.each([9, 12, 19])('a %i MB document is imported', async (size) => {
    const photo = size === 19 ? photo19 : await noisePhoto(size * MiB)
    const docx = await docxWith(photo)
    expect(docx.length).toBeLessThan(MAX_UPLOAD_BYTES)
    expect(docx.length).toBeGreaterThan((size - 2) * MiB)
    const { status, json } = await send('/news/import-docx', formOf(`巡回审判-${size}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx))
    expect(status, JSON.stringify(json)).toBe(201)
    expect(json.id).toBeDefined()
  }, 300_000)

  it.each([21, 120])('a %i MB document is refused with the limit named', async (size) => {
    const docx = await docxWith(photo19)
    const { status, json } = await send('/news/import-docx', streamedForm('file', `大稿件-${size}.docx`, 'application/octet-stream', docx, size * MiB))
    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 413, message: refusals.tooLarge })
    expect(refusals.tooLarge).toContain('不能超过 20 MB')
  }, 300_000)

  it('a 25 MB document sent as a browser sends it (its length declared) is refused with the limit named', async () => {
    const docx = Buffer.concat([await docxWith(photo19), Buffer.alloc(7 * MiB)])
    const { status, json } = await send('/news/import-docx', formOf('大稿件-25.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx))
    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 413, message: refusals.tooLarge })
  }, 300_000)
})

describe('刊用证明', () => {
  it('a 12 MB scan is stored whole, a 21 MB one refused with the limit named', async () => {
    const small = await noisePhoto(12 * MiB)
    expect((await send('/proofs', formOf('版面.jpg', 'image/jpeg', small, { _payload: JSON.stringify({ description: '版面' }) }))).status).toBe(201)
    const { status, json } = await send('/proofs', streamedForm('file', '版面-21.jpg', 'image/jpeg', photo19, 21 * MiB))
    expect({ status, message: json.errors?.[0]?.message }).toEqual({ status: 413, message: uploadTooLarge })
  }, 300_000)
})
