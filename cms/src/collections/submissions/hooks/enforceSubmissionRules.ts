// Every save of a 外宣报送 record, by a person or by the system: the status may only move along
// its path, each status has the dates it needs, only published items are sent out, and the
// record's points are worked out from its year's 积分规则.
import { APIError, type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import { beijingToday, formatDate as beijingDay } from '../../../dates'
import type { Submission } from '../../../payload-types'
import { idOf } from '../../../relations'
import { type ReviewedCollection, titleOf } from '../../../workflow/reviewed'
import { pointsOf, scoringLookups } from '../../../outsideMedia/scoring'
import { type SubmissionStatus, statusLabels } from '../../../outsideMedia/statuses'
import { refuseTransition } from '../../../outsideMedia/statusPath'
import { refuseUnlessOffice } from '../../../outsideMedia/whoMayRecord'
import { roleOf } from '../../../access'

type ItemRef = Submission['item']

const sameItem = (a: ItemRef | null | undefined, b: ItemRef | null | undefined) =>
  Boolean(a && b && a.relationTo === b.relationTo && String(idOf(a.value)) === String(idOf(b.value)))

const invalid = (req: PayloadRequest, path: string, label: string, message: string) =>
  new ValidationError({ collection: 'submissions', errors: [{ path, label, message }], req }, req.t)

async function loadItem(req: PayloadRequest, item: ItemRef) {
  const collection = item.relationTo as ReviewedCollection
  const id = idOf(item.value)
  if (id === undefined) return null
  const doc = await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!doc) return null
  const record = doc as unknown as Record<string, unknown>
  return { published: record._status === 'published', title: titleOf(collection, record) }
}

export const enforceSubmissionRules: CollectionBeforeChangeHook<Submission> = async ({ data, originalDoc, operation, req }) => {
  const before = operation === 'update' ? originalDoc : undefined
  const current = <K extends keyof Submission>(key: K): Submission[K] | undefined => (data[key] !== undefined ? data[key] : before?.[key])

  // The status path (outsideMedia/statusPath.ts).
  const from = before?.status as SubmissionStatus | undefined
  const to = (current('status') ?? 'pending') as SubmissionStatus
  const refusal = refuseTransition(from, to)
  if (refusal) throw new APIError(refusal, 400, undefined, true)
  const notYours = refuseUnlessOffice(roleOf(req.user), data, before, from, to)
  if (notYours) throw new APIError(notYours, 403, undefined, true)

  // Only published items go out; the title defaults to the item's.
  const item = current('item')
  const itemChanged = operation === 'create' || (data.item !== undefined && !sameItem(data.item, before?.item))
  const title = typeof current('title') === 'string' ? (current('title') as string).trim() : ''
  if (item && (itemChanged || !title)) {
    const found = await loadItem(req, item)
    if (!found) throw invalid(req, 'item', '报送稿件', '所选稿件不存在或已被删除。')
    if (itemChanged && !found.published) {
      throw invalid(req, 'item', '报送稿件', `只能报送已发布的稿件：《${found.title}》尚未发布，请签发后再报送。`)
    }
    if (!title) data.title = found.title
  }

  // 报送日期: today when the record is sent (or sent again after 未采用), unless given.
  if (to === 'submitted' && from !== 'submitted') {
    const given = data.submittedAt !== undefined && data.submittedAt !== before?.submittedAt ? data.submittedAt : undefined
    const kept = from === 'rejected' ? undefined : current('submittedAt')
    data.submittedAt = given || kept || beijingToday()
  }
  const submittedAt = current('submittedAt')
  if (to !== 'pending' && !submittedAt) {
    throw invalid(req, 'submittedAt', '报送日期', `状态为“${statusLabels[to]}”的记录须填写报送日期。`)
  }

  // 采用/刊发日期: required once adopted or published, and not before the record was sent.
  const publishedOn = current('publishedOn')
  if ((to === 'adopted' || to === 'published') && !publishedOn) {
    throw invalid(req, 'publishedOn', '采用/刊发日期', `状态为“${statusLabels[to]}”时须填写采用/刊发日期。`)
  }
  if (publishedOn && submittedAt && beijingDay(publishedOn) < beijingDay(submittedAt)) {
    throw invalid(req, 'publishedOn', '采用/刊发日期', `采用/刊发日期（${beijingDay(publishedOn)}）不能早于报送日期（${beijingDay(submittedAt)}）。`)
  }

  // 积分 (points.ts): never taken from the request.
  data.points = await pointsOf(
    { status: to, outlet: current('outlet')!, publishedOn, submittedAt, leaderInstruction: current('leaderInstruction') },
    scoringLookups(req),
  )
  return data
}
