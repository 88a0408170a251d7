// One item's 审签记录 as people read it: the item, and its steps oldest first, in Chinese.
import type { Payload } from 'payload'

import { formatDateTime } from '../../dates'
import { foundOrNull } from '../../lookup'
import type { Signoff } from '../../payload-types'
import { idOf } from '../../relations'
import { type Role, roleLabels } from '../../roles'
import { actionLabels, type Grade, gradeLabels, stateLabels, type WorkflowState } from '../../workflow/states'
import { type ReviewedCollection, reviewedTypes, titleOf } from '../../workflow/reviewed'

export type RecordRow = {
  /** 2025-03-12 09:30, Beijing time */
  time: string
  action: string
  fromState: string
  toState: string
  actorName: string
  actorRole: string
  comment: string
}

export type SignoffRecord = {
  courtName: string
  collection: ReviewedCollection
  collectionLabel: string
  id: string
  title: string
  grade: string
  state: string
  authorId: number | string | undefined
  rows: RecordRow[]
  /** The facts the edit view offers steps from (workflow/rights.ts) and shows at the top. */
  workflow: WorkflowFacts
}

export type WorkflowFacts = {
  state: WorkflowState
  grade: Grade
  /** Whether a version of the item is public now. */
  published: boolean
  /** Who gave a sensitive item's first signature (state 待复签). */
  firstSignerId: number | string | undefined
  /** The latest 退回: why, by whom and when (Beijing time). */
  lastReturn: { comment: string; by: string; time: string } | undefined
}

const label = <T extends string>(labels: Record<T, string>, value: T | null | undefined, fallback = '—') =>
  (value && labels[value]) || fallback

export function toRecordRow(signoff: Pick<Signoff, 'createdAt' | 'action' | 'fromState' | 'toState' | 'actorName' | 'actorRole' | 'comment'>): RecordRow {
  return {
    time: formatDateTime(signoff.createdAt),
    action: label(actionLabels, signoff.action),
    fromState: label(stateLabels, signoff.fromState, '（新建）'),
    toState: label(stateLabels, signoff.toState),
    actorName: signoff.actorName || '—',
    actorRole: label(roleLabels, signoff.actorRole as Role | null | undefined, ''),
    comment: signoff.comment ?? '',
  }
}

/**
 * Loads an item (its latest draft, so the state is current) and its 审签记录, with the system's
 * rights: callers decide who may see it. Returns null when there is no such item; a failing
 * database throws.
 */
export async function loadSignoffRecord(payload: Payload, collection: ReviewedCollection, id: string): Promise<SignoffRecord | null> {
  const doc = (await foundOrNull(
    payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true }),
  )) as Record<string, unknown> | null
  if (!doc) return null

  const [{ docs }, settings, publicDoc] = await Promise.all([
    payload.find({
      collection: 'signoffs',
      where: { docCollection: { equals: collection }, docId: { equals: String(doc.id) } },
      sort: ['createdAt', 'id'],
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true }).catch(() => null),
    payload.db.findOne({ collection, where: { id: { equals: doc.id } } }) as Promise<{ _status?: string } | null>,
  ])
  const state = (doc.workflowState as WorkflowState | undefined) ?? 'draft'
  const latest = (toState: WorkflowState) => [...docs].reverse().find((step) => step.toState === toState)
  const lastReturn = state === 'returned' ? latest('returned') : undefined

  return {
    courtName: settings?.courtName || '湖西县人民法院',
    collection,
    collectionLabel: reviewedTypes[collection].label,
    id: String(doc.id),
    title: titleOf(collection, doc),
    grade: label(gradeLabels, doc.grade as Grade | undefined),
    state: label(stateLabels, (doc.workflowState as WorkflowState | undefined) ?? 'draft'),
    authorId: idOf(doc.createdBy),
    rows: docs.map(toRecordRow),
    workflow: {
      state,
      grade: (doc.grade as Grade | undefined) ?? 'normal',
      published: publicDoc?._status === 'published',
      firstSignerId: state === 'signed' ? idOf(latest('signed')?.actor) : undefined,
      lastReturn: lastReturn && { comment: lastReturn.comment ?? '', by: lastReturn.actorName || '—', time: formatDateTime(lastReturn.createdAt) },
    },
  }
}
