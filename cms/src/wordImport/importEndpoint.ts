// POST /api/news/import-docx (multipart: `file`, optional `column`): a Word document becomes a
// draft news item of the signed-in person. Answers { id, title, column, warnings } or, refused,
// { errors: [{ message }] } with nothing saved.
import { APIError, type Endpoint } from 'payload'

import { importDocx } from './importDocx'
import { MAX_DOCX_BYTES, refusals } from './messages'

const fail = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

export const importDocxEndpoint: Endpoint = {
  path: '/import-docx',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return fail(401, refusals.notSignedIn)
    // Refuse an oversized upload before reading it (a small allowance for the multipart framing),
    // and stop reading one that says less than it sends.
    const limit = MAX_DOCX_BYTES + 64 * 1024
    const declared = Number(req.headers.get('content-length') ?? 0)
    if (declared > limit) {
      await (req as unknown as Request).body?.cancel().catch(() => undefined)
      return fail(413, refusals.tooLarge)
    }

    const body = (req as unknown as Request).body
    if (!body) return fail(400, refusals.noFile)
    const counted = countBytes(body, limit)
    let form: FormData
    try {
      form = await new Request('http://import.invalid/', {
        method: 'POST',
        headers: { 'content-type': req.headers.get('content-type') ?? '' },
        body: counted.stream,
        duplex: 'half',
      } as RequestInit).formData()
    } catch {
      return counted.exceeded() ? fail(413, refusals.tooLarge) : fail(400, refusals.noFile)
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
        filename: file.name,
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

/** The body, failing as soon as more than `limit` bytes have come through. */
function countBytes(body: ReadableStream<Uint8Array>, limit: number) {
  let seen = 0
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength
        if (seen > limit) controller.error(new Error('upload over the limit'))
        else controller.enqueue(chunk)
      },
    }),
  )
  return { stream, exceeded: () => seen > limit }
}
