// GET /api/<collection>/<id>/preview-data: the latest draft of one item, for the site's preview
// page. No login: the caller must present the signed token the admin's preview button put in the
// link (header X-Preview-Token), and the token must name exactly this collection and id, and the
// item it was signed for (its createdAt). The draft is read with the rights of the person who opened
// the preview, so it brings in nothing (a linked draft, say) that person may not read.
import type { CollectionSlug, Endpoint } from 'payload'

import { errorResponse as refuse, privateHeaders } from '../http'
import { foundOrNull, unexpectedFailure } from '../lookup'
import { previewSecret, verifyPreviewToken } from './previewToken'

export const previewEndpoint: Endpoint = {
  path: '/:id/preview-data',
  method: 'get',
  handler: async (req) => {
    const collection = String(req.routeParams?.collection ?? '')
    const id = String(req.routeParams?.id ?? '')
    const token = req.headers.get('x-preview-token') ?? req.searchParams?.get('token')
    const claims = verifyPreviewToken(token, previewSecret())
    // One answer for every kind of bad token, so it tells nothing about the item.
    if (!claims || claims.collection !== collection || claims.id !== id || !claims.uid || !claims.v) {
      return refuse(401, '预览链接无效或已过期')
    }
    let viewer, doc
    try {
      viewer = await foundOrNull(req.payload.findByID({ collection: 'users', id: claims.uid, depth: 0, disableErrors: true }))
      if (!viewer) return refuse(401, '预览链接无效或已过期')
      // Null as well when it is not the viewer's to read.
      doc = await foundOrNull(
        req.payload.findByID({
          collection: collection as CollectionSlug,
          id,
          draft: true,
          depth: 1,
          overrideAccess: false,
          user: { ...viewer, collection: 'users' },
          disableErrors: true,
        }),
      )
    } catch (error) {
      const failure = unexpectedFailure(req.payload, error, '读取预览内容')
      return refuse(failure.status, failure.message)
    }
    if (!doc || (doc as { createdAt?: string }).createdAt !== claims.v) return refuse(404, '内容不存在')
    // The site shows the text; who wrote it (a user record with an e-mail address) stays here.
    const { createdBy: _createdBy, ...rest } = doc as unknown as Record<string, unknown>
    return Response.json(rest, { headers: privateHeaders })
  },
}
