import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type PayloadRequest,
} from 'payload'

import { checkBeforePublish, formatProblems } from '../checks'
import { signFillsPublishedAt } from '../fields/publishedAt'
import { idOf } from '../relations'
import type { Role } from '../roles'
import { type ReviewedCollection, titleOf } from './reviewed'
import type { Grade, WorkflowAction, WorkflowState } from './states'
import { decideTransition, regradeNote, type Step } from './transitions'

type PendingStep = { step: Step; from: WorkflowState | undefined; to: WorkflowState; comment: string }
const contextKey = (collection: string) => `workflowStep:${collection}`
const draftArgKey = (collection: string) => `workflowDraftArg:${collection}`

type Status = 'draft' | 'published'

/**
 * Keeps the `draft` argument the operation was called with (REST, GraphQL or Local API alike),
 * because the change hook only sees the request, whose query may say something else.
 */
export const noteDraftArgument: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation === 'create' || operation === 'update' || operation === 'restoreVersion') {
    req.context[draftArgKey(collection.slug)] = Boolean((args as { draft?: unknown }).draft)
  }
  return args
}

/**
 * What Payload will do with this save, decided the way Payload decides it: an update with
 * `draft` and any `_status` but "published" is a draft revision that leaves the public version
 * alone (Payload has already set `_status` to "draft" by now); everything else writes the
 * document with the `_status` it carries, or that of the latest version it is based on.
 * A restore with `draft` never touches the public version. `current` is the public document's
 * own status, read from the database: the latest version may be a draft over a published item.
 */
async function outcomeOf(req: PayloadRequest, slug: string, data: Record<string, unknown>, originalDoc: Record<string, unknown> | undefined) {
  const draftArg = req.context[draftArgKey(slug)] === true
  const current = originalDoc ? await publicStatusOf(req, slug, originalDoc.id) : undefined
  const restoringAsDraft = req.context.isRestoringVersion === true && draftArg
  const resulting = (restoringAsDraft ? 'draft' : (data._status ?? originalDoc?._status ?? 'draft')) as Status
  const draftSave = resulting === 'draft' && (draftArg || current !== 'published')
  return { resulting, current, draftSave }
}

async function publicStatusOf(req: PayloadRequest, slug: string, id: unknown): Promise<Status | undefined> {
  if (id === undefined || id === null) return undefined
  const row = await req.payload.db.findOne({ collection: slug as CollectionSlug, where: { id: { equals: id } }, req })
  return (row as { _status?: Status } | null)?._status
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

  const { user } = req
  if (!user) {
    data.workflowState = data._status === 'published' ? 'published' : (data.workflowState ?? originalDoc?.workflowState ?? 'draft')
    return data
  }
  if (!user.role) throw new APIError('您的账号没有分配角色，不能编辑稿件。', 403, undefined, true)

  const from = operation === 'create' ? undefined : (originalDoc?.workflowState as WorkflowState | undefined)
  const outcome = await outcomeOf(req, collection.slug, data, operation === 'create' ? undefined : originalDoc)
  // The grade on record counts; a different one in this request is a regrade, judged on its own.
  const storedGrade = (operation === 'create' ? (data.grade ?? 'normal') : (originalDoc?.grade ?? 'normal')) as Grade
  const verdict = decideTransition({
    from,
    action,
    requestedStatus: outcome.resulting,
    currentStatus: outcome.current,
    draftSave: outcome.draftSave,
    grade: storedGrade,
    requestedGrade: data.grade as Grade | undefined,
    role: user.role,
    userId: user.id,
    authorId: idOf(operation === 'create' ? user.id : originalDoc?.createdBy),
    firstSignerId: from === 'signed' ? await firstSignerOf(req, collection.slug, originalDoc?.id) : undefined,
    comment,
  })
  if (!verdict.ok) throw new APIError(verdict.message, 403, undefined, true)

  data.workflowState = verdict.to
  if (verdict.status) data._status = verdict.status

  let notes = verdict.step === 'regrade' ? regradeNote(storedGrade, data.grade as Grade, comment) : comment
  const signing = verdict.step === 'publish' || verdict.step === 'sign'
  const hasPublishedAt = collection.flattenedFields.some((field) => field.name === 'publishedAt')
  const publishedAt = 'publishedAt' in data ? data.publishedAt : originalDoc?.publishedAt
  if (verdict.to === 'published' && signing && hasPublishedAt && !publishedAt && signFillsPublishedAt(req)) {
    data.publishedAt = new Date().toISOString()
  }
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
  const { user } = req
  await req.payload.create({
    collection: 'signoffs',
    data: {
      docCollection: collection.slug as ReviewedCollection,
      docId: String(doc.id),
      docTitle: titleOf(collection.slug as ReviewedCollection, doc),
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
