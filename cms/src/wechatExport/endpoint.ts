// GET /api/<news|stories|events|families>/<id>/wechat: the published item for the 公众号, as JSON
// (title, 摘要, HTML to paste, link) or with ?format=zip as a .zip. Staff only.
import type { Endpoint } from 'payload'

import { download, errorResponse, privateHeaders, refuseUnlessStaff } from '../http'
import { unexpectedFailure } from '../lookup'

export const wechatEndpoint: Endpoint = {
  path: '/:id/wechat',
  method: 'get',
  handler: async (req) => {
    const refused = refuseUnlessStaff(req, '导出公众号图文')
    if (refused) return refused
    const collection = String(req.routeParams?.collection ?? '')
    const id = String(req.routeParams?.id ?? '')
    // Loaded on demand: sharp and the zip code stay out of every request's collection configs.
    const [{ loadWechatArticle }, { buildWechatZip, clipboardHtml }] = await Promise.all([import('./load'), import('./build')])
    let loaded: Awaited<ReturnType<typeof loadWechatArticle>>
    try {
      loaded = await loadWechatArticle(req.payload, { collection, id })
    } catch (error) {
      const failure = unexpectedFailure(req.payload, error, '读取要导出的稿件')
      return errorResponse(failure.status, failure.message)
    }
    if (!loaded.ok) return errorResponse(loaded.status, loaded.message)
    const { article } = loaded

    if (req.searchParams?.get('format') === 'zip') {
      const { fileName, zip } = buildWechatZip(article)
      return download(zip, 'application/zip', fileName, `wechat-${collection}-${id}.zip`)
    }
    const origin = req.payload.config.serverURL || new URL(req.url ?? 'http://localhost:3000').origin
    const mediaUrl = (filename: string) => `${origin}${req.payload.config.routes.api}/media/file/${encodeURIComponent(filename)}`
    return Response.json(
      { title: article.title, digest: article.digest, portalUrl: article.portalUrl, html: clipboardHtml(article, mediaUrl) },
      { headers: privateHeaders },
    )
  },
}
