// GET /api/submissions/<id>/package: the 报送材料包 for one 外宣报送 — the reported item as a
// 公文-style .docx, its photos with captions, and a 报送单 naming the outlet, authors and signer.
// Staff only; the item must (still) be published.
import type { Endpoint } from 'payload'

import { refuseUnlessStaffForPackage, respondWithPackage } from '../../exportPackage/respond'
import { errorResponse } from '../../http'
import { foundOrNull, unexpectedFailure } from '../../lookup'
import type { Submission } from '../../payload-types'

export const submissionPackageEndpoint: Endpoint = {
  path: '/:id/package',
  method: 'get',
  handler: async (req) => {
    const refused = refuseUnlessStaffForPackage(req)
    if (refused) return refused
    const id = String(req.routeParams?.id ?? '')
    let submission: Submission | null
    try {
      submission = (await foundOrNull(
        req.payload.findByID({ collection: 'submissions', id, depth: 1, overrideAccess: false, user: req.user, disableErrors: true }),
      )) as Submission | null
    } catch (error) {
      const failure = unexpectedFailure(req.payload, error, '读取报送记录')
      return errorResponse(failure.status, failure.message)
    }
    if (!submission) return errorResponse(404, '报送记录不存在或已被删除。')

    const { relationTo, value } = submission.item
    const itemId = typeof value === 'object' ? value.id : value
    return respondWithPackage(req.payload, { collection: relationTo, id: itemId }, { submission, asciiFallback: `submission-${submission.id}.zip`, caller: req.user })
  },
}
