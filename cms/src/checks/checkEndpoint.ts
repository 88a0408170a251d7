// POST /api/<collection>/publish-check ({ id?, data }): the pre-publish check list for the item as
// it stands in the editor (its saved draft with the editor's unsaved changes on top), so the edit
// view can keep the problems on screen, each pointing at its field or image, until they are fixed.
import type { Endpoint, Field } from 'payload'
import { fieldAffectsData } from 'payload/shared'

import { errorResponse, privateHeaders } from '../http'
import { foundOrNull, unexpectedFailure } from '../lookup'
import type { ReviewedCollection } from '../workflow/reviewed'
import { labelOf } from './document'
import { checkBeforePublish, type Problem } from './index'

/** A problem with the top-level field it sits in, for a link to that field. */
export type LocatedProblem = Problem & { field?: string }

/** The top-level field whose label the problem's place starts with (标题, 正文第3段 → body). */
export function fieldOfPlace(fields: Field[], where: string): string | undefined {
  let best: { name: string; length: number } | undefined
  for (const field of fields) {
    if (!fieldAffectsData(field)) continue
    const label = labelOf('label' in field ? field.label : undefined, field.name)
    if (where.startsWith(label) && (!best || label.length > best.length)) best = { name: field.name, length: label.length }
  }
  return best?.name
}

export const publishCheckEndpoint: Endpoint = {
  path: '/publish-check',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, '请先登录后台。')
    const slug = req.routeParams?.collection as ReviewedCollection
    const body = (await req.json?.().catch(() => null)) as { id?: number | string; data?: Record<string, unknown> } | null
    const data = body?.data && typeof body.data === 'object' ? body.data : {}
    let saved: Record<string, unknown> = {}
    if (body?.id !== undefined && body.id !== null) {
      let found: unknown
      try {
        found = await foundOrNull(req.payload.findByID({ collection: slug, id: body.id, draft: true, depth: 0, overrideAccess: false, req, disableErrors: true }))
      } catch (error) {
        const failure = unexpectedFailure(req.payload, error, '读取要检查的稿件')
        return errorResponse(failure.status, failure.message)
      }
      if (!found) return errorResponse(404, '稿件不存在或您无权查看。')
      saved = found as unknown as Record<string, unknown>
    }
    const report = await checkBeforePublish({ collection: slug, doc: { ...saved, ...data, id: saved.id }, req })
    const fields = req.payload.collections[slug].config.fields
    const locate = (problem: Problem): LocatedProblem => ({ ...problem, field: fieldOfPlace(fields, problem.where) })
    return Response.json({ errors: report.errors.map(locate), warnings: report.warnings.map(locate) }, { headers: privateHeaders })
  },
}
