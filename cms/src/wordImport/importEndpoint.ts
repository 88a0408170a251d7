// POST /api/news/import-docx (multipart: `file`, optional `column`): a Word document becomes a
// draft news item of the signed-in person. Answers { id, title, column, warnings } or, refused,
// { errors: [{ message }] } with nothing saved.
import { APIError, type Endpoint } from 'payload'

import { cleanFileName } from '../security/fileNames'
import { importDocx } from './importDocx'
import { MAX_DOCX_BYTES, refusals } from './messages'

const fail = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

export const importDocxEndpoint: Endpoint = {
  path: '/import-docx',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return fail(401, refusals.notSignedIn)
    // Refuse an oversized upload before reading it (a small allowance for the multipart framing).
    const declared = Number(req.headers.get('content-length') ?? 0)
    if (declared > MAX_DOCX_BYTES + 64 * 1024) return fail(400, refusals.tooLarge)

    let form: FormData
    try {
      form = await (req as unknown as Request).formData()
    } catch {
      return fail(400, refusals.noFile)
    }
    const file = form.get('file')
    if (!file || typeof file === 'string') return fail(400, refusals.noFile)
    if (file.size > MAX_DOCX_BYTES) return fail(400, refusals.tooLarge)
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
