import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { checkBeforePublish, formatProblems } from '../checks'
import type { ReviewedCollection } from '../collections/signoffs'
import { idOf } from '../relations'
import type { Role } from '../roles'
import type { Grade, WorkflowAction, WorkflowState } from './states'
import { decideTransition, type Step } from './transitions'

type PendingStep = { step: Step; from: WorkflowState | undefined; to: WorkflowState; comment: string }
const contextKey = (collection: string) => `workflowStep:${collection}`

/** `?draft=true` from the admin or REST; the Local API has no query, and its draft saves are trusted code. */
const isDraftSave = (req: PayloadRequest, data: Record<string, unknown>, originalDoc: Record<string, unknown> | undefined) => {
  const flag = req.query?.draft
  if (flag === 'true' || flag === true) return true
  return req.payloadAPI === 'local' && data._status === 'draft' && originalDoc?._status !== 'published'
}

/**
 * Applies the 三审 rules on every save by a person (REST, GraphQL, admin, Local API with a user).
 * Saves without a user are the system's own (seed, migrations) and keep the state they set.
 * Publishing also has to pass the pre-publish checks.
 */
export const enforceWorkflow: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, operation, req }) => {
  const action = (data.workflowAction || undefined) as WorkflowAction | undefined
  const comment = String(data.workflowComment ?? '').trim()
  delete data.workflowAction
  delete data.workflowComment

  const user = req.user as { id: number | string; role?: Role; name?: string } | null | undefined
  if (!user) {
    data.workflowState = data._status === 'published' ? 'published' : (data.workflowState ?? originalDoc?.workflowState ?? 'draft')
    return data
  }
  if (!user.role) throw new APIError('您的账号没有分配角色，不能编辑稿件。', 403, undefined, true)

  const from = operation === 'create' ? undefined : (originalDoc?.workflowState as WorkflowState | undefined)
  const draftSave = isDraftSave(req, data, originalDoc)
  const verdict = decideTransition({
    from,
    action,
    requestedStatus: data._status as 'draft' | 'published' | undefined,
    currentStatus: operation === 'create' ? undefined : (originalDoc?._status as 'draft' | 'published' | undefined),
    draftSave,
    grade: (data.grade ?? originalDoc?.grade ?? 'normal') as Grade,
    role: user.role,
    userId: user.id,
    authorId: idOf(operation === 'create' ? user.id : originalDoc?.createdBy),
    firstSignerId: from === 'signed' ? await firstSignerOf(req, collection.slug, originalDoc?.id) : undefined,
    comment,
  })
  if (!verdict.ok) throw new APIError(verdict.message, 403, undefined, true)

  data.workflowState = verdict.to
  if (verdict.status) data._status = verdict.status

  let notes = comment
  if (verdict.to === 'published') {
    const report = await checkBeforePublish({
      collection: collection.slug as ReviewedCollection,
      doc: { ...originalDoc, ...data },
      req,
    })
    if (report.errors.length) throw new APIError(formatProblems(report.errors), 400, { problems: report.errors }, true)
    // Warnings do not block; they go on record with the step so the office can follow them up.
    if (report.warnings.length) {
      const hints = report.warnings.map((w) => `${w.where}：${w.message}`).join('；')
      notes = [comment, `发布检查提示：${hints}`].filter(Boolean).join('\n')
    }
  }
  if (verdict.step) {
    const pending: PendingStep = { step: verdict.step, from, to: verdict.to, comment: notes }
    req.context[contextKey(collection.slug)] = pending
  }
  return data
}

/** Writes the step just taken into the 审签记录, in the same transaction as the save. */
export const recordSignoff: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const key = contextKey(collection.slug)
  const pending = req.context[key] as PendingStep | undefined
  if (!pending || !req.user) return doc
  delete req.context[key]
  const user = req.user as { id: number; role?: Role; name?: string; email?: string }
  await req.payload.create({
    collection: 'signoffs',
    data: {
      docCollection: collection.slug as ReviewedCollection,
      docId: String(doc.id),
      docTitle: String(doc.title ?? doc.familyName ?? doc.id),
      action: pending.step,
      fromState: pending.from,
      toState: pending.to,
      actor: user.id,
      actorName: user.name || user.email,
      actorRole: user.role,
      comment: pending.comment || undefined,
    },
    overrideAccess: true,
    req,
  })
  return doc
}

async function firstSignerOf(req: PayloadRequest, collection: string, id: unknown) {
  if (id === undefined) return undefined
  const { docs } = await req.payload.find({
    collection: 'signoffs',
    where: { docCollection: { equals: collection }, docId: { equals: String(id) }, toState: { equals: 'signed' } },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return idOf(docs[0]?.actor)
}
