// GET /api/<collection>/<id>/preview-data: the latest draft of one item, for the site's preview
// page. No login: the caller must present the signed token the admin's preview button put in the
// link (header X-Preview-Token), and the token must name exactly this collection and id.
import type { CollectionSlug, Endpoint } from 'payload'

import { previewSecret, verifyPreviewToken } from './previewToken'

const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }

const refuse = (status: number, message: string) => Response.json({ message }, { status, headers: noStore })

export const previewEndpoint: Endpoint = {
  path: '/:id/preview-data',
  method: 'get',
  handler: async (req) => {
    const collection = String(req.routeParams?.collection ?? '')
    const id = String(req.routeParams?.id ?? '')
    const token = req.headers.get('x-preview-token') ?? req.searchParams?.get('token')
    const claims = verifyPreviewToken(token, previewSecret())
    // One answer for every kind of bad token, so it tells nothing about the item.
    if (!claims || claims.collection !== collection || claims.id !== id) return refuse(401, '预览链接无效或已过期')

    const doc = await req.payload
      .findByID({ collection: collection as CollectionSlug, id, draft: true, depth: 1, overrideAccess: true, disableErrors: true, req })
      .catch(() => null) // an id of the wrong shape for the database
    if (!doc) return refuse(404, '内容不存在')
    // The site shows the text; who wrote it (a user record with an e-mail address) stays here.
    const { createdBy: _createdBy, ...rest } = doc as unknown as Record<string, unknown>
    return Response.json(rest, { headers: noStore })
  },
}
