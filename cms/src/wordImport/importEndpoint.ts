// POST /api/news/import-docx (multipart: `file`, optional `column`): a Word document becomes a
// draft news item of the signed-in person. Answers { id, title, column, warnings } or, refused,
// { errors: [{ message }] } with nothing saved.
import { APIError, type Endpoint } from 'payload'

import { errorResponse as fail } from '../http'
import { cleanFileName } from '../security/fileNames'
import { importDocx } from './importDocx'
import { MAX_DOCX_BYTES, refusals } from './messages'

export const importDocxEndpoint: Endpoint = {
  path: '/import-docx',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return fail(401, refusals.notSignedIn)
    // Refuse an oversized upload (a small allowance for the multipart framing), also one that
    // says less than it sends. Nothing past the limit is kept.
    const limit = MAX_DOCX_BYTES + 64 * 1024
    const stream = (req as unknown as Request).body
    const declared = Number(req.headers.get('content-length') ?? 0)
    if (declared > limit) {
      if (declared <= DRAIN_AT_MOST) await discardRest(stream)
      return fail(413, refusals.tooLarge)
    }

    const body = await readAtMost(stream, limit)
    if (body === 'too large') return fail(413, refusals.tooLarge)
    let form: FormData
    try {
      form = await new Request('http://import.invalid/', {
        method: 'POST',
        headers: { 'content-type': req.headers.get('content-type') ?? '' },
        body: body as unknown as BodyInit, // a Buffer is a valid body; the DOM typings disagree
      }).formData()
    } catch {
      return fail(400, refusals.noFile)
    }
    const file = form.get('file')
    if (!file || typeof file === 'string') return fail(400, refusals.noFile)
    if (file.size > MAX_DOCX_BYTES) return fail(413, refusals.tooLarge)
    const column = form.get('column')

    try {
      const result = await importDocx({
        payload: req.payload,
        req,
        file: Buffer.from(await file.arrayBuffer()),
        filename: cleanFileName(file.name),
        column: typeof column === 'string' ? column : undefined,
      })
      return Response.json(
        { id: result.id, title: result.title, column: result.column, warnings: result.warnings },
        { status: 201 },
      )
    } catch (error) {
      if (error instanceof APIError && error.isPublic) return fail(error.status, error.message)
      throw error
    }
  },
}

/**
 * An oversized upload is read to its end (and thrown away) before the refusal is sent: a server
 * that answers mid-upload and closes makes the sender's next write fail (EPIPE), and the editor
 * then sees a network error instead of the Chinese reason. Beyond this much the sender is cut off.
 */
const DRAIN_AT_MOST = 256 * 1024 * 1024

async function discardRest(body: ReadableStream<Uint8Array> | null, seen = 0): Promise<void> {
  if (!body) return
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      seen += value.byteLength
      if (seen > DRAIN_AT_MOST) return
    }
  } finally {
    reader.releaseLock()
  }
}

/** The body's bytes, or 'too large' once more than `limit` have come (the rest is discarded, never held). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer | 'too large'> {
  if (!body) return Buffer.alloc(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let seen = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    seen += value.byteLength
    if (seen > limit) {
      reader.releaseLock()
      await discardRest(body, seen)
      return 'too large'
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
