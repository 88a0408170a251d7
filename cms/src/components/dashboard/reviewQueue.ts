// What waits for the signed-in person across the four reviewed collections: 待我审核, 待我签发,
// 被退回, and 我的稿件 (everything they entered, with whom it waits for). Only the sections their
// role acts on; only items they may act on.
import type { Payload, Where } from 'payload'

import type { ReviewedCollection } from '../../collections/signoffs'
import { reviewedCollections } from '../../collections/signoffs'
import { titleFieldOf } from '../../collections/signoffs/record'
import { idOf } from '../../relations'
import { type Role, roleLabels } from '../../roles'
import { scopesByRole } from '../../workflow/rights'
import type { Grade, WorkflowState } from '../../workflow/states'

export type QueueKey = 'review' | 'sign' | 'returned' | 'mine'

export type QueueItem = {
  collection: ReviewedCollection
  collectionLabel: string
  id: number | string
  title: string
  state: WorkflowState
  grade: Grade
  updatedAt: string
  /** For returned items: why, and who returned it (the latest 退回 step). */
  comment?: string
  returnedBy?: string
  /** For the viewer's own items: who has to act next. */
  waitsFor?: string
}

/** `total` counts every waiting item; `items` lists at most the first few per collection. */
export type QueueSection = { key: QueueKey; title: string; total: number; items: QueueItem[] }

export type Viewer = { id: number | string; role?: Role | null }

export const queueTitles: Record<QueueKey, string> = { review: '待我审核', sign: '待我签发', returned: '被退回', mine: '我的稿件' }

const authorNext: Partial<Record<WorkflowState, string>> = {
  draft: '您：写好后提交审核',
  returned: '您：按退回意见修改后重新提交',
  withdrawn: '您：修改后可重新提交',
}

/** How many of one's own items the dashboard lists (latest first); the count says how many in all. */
const mineListed = 10

/**
 * Who an author's item waits for in `state`, read off the rights (workflow/rights.ts): the roles,
 * other than admin, that move it on from there.
 */
export function waitsFor(state: WorkflowState): string {
  if (state === 'published') return '—（已发布）'
  const movers = (['reviewer', 'approver'] as const).filter((role) =>
    (['approve', 'sign', 'publish'] as const).some((step) => scopesByRole[role][step]?.states.includes(state)),
  )
  if (!movers.length) return authorNext[state] ?? '您：修改后提交审核'
  const who = movers.map((role) => `${roleLabels[role]}人`).join('或')
  return state === 'signed' ? `另一位${who}复签` : who
}

/** Which sections each role sees. Everyone may write, so everyone may have items returned. */
export const sectionsFor = (role: Role | null | undefined): QueueKey[] => {
  switch (role) {
    case 'admin':
      return ['review', 'sign', 'returned', 'mine']
    case 'reviewer':
      return ['review', 'returned', 'mine']
    case 'approver':
      return ['sign', 'returned', 'mine']
    case 'contributor':
    case 'editor':
      return ['returned', 'mine']
    default:
      return []
  }
}

const sameId = (a: unknown, b: unknown) => a !== undefined && a !== null && String(a) === String(b)

/** Items nobody entered (seeded, imported) count as someone else's. */
const notAuthoredBy = (viewer: Viewer): Where => ({
  or: [{ createdBy: { not_equals: viewer.id } }, { createdBy: { exists: false } }],
})

const sectionWhere = (key: QueueKey, viewer: Viewer): Where => {
  switch (key) {
    // Nobody approves or signs their own item (see workflow/transitions.ts).
    case 'review':
      return { and: [{ workflowState: { equals: 'submitted' } }, notAuthoredBy(viewer)] }
    case 'sign':
      return { and: [{ workflowState: { in: ['reviewed', 'signed'] } }, notAuthoredBy(viewer)] }
    case 'returned':
      return { and: [{ workflowState: { equals: 'returned' } }, { createdBy: { equals: viewer.id } }] }
    case 'mine':
      return { createdBy: { equals: viewer.id } }
  }
}

/** The latest step of each kind per item: who gave a sensitive item its first signature, who returned it and why. */
async function latestSteps(payload: Payload, collection: ReviewedCollection, ids: (number | string)[], toState: WorkflowState) {
  const latest = new Map<string, { actor?: number | string; actorName?: string | null; comment?: string | null }>()
  if (!ids.length) return latest
  const { docs } = await payload.find({
    collection: 'signoffs',
    where: { docCollection: { equals: collection }, docId: { in: ids.map(String) }, toState: { equals: toState } },
    sort: '-createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const step of docs) {
    if (!latest.has(step.docId)) latest.set(step.docId, { actor: idOf(step.actor), actorName: step.actorName, comment: step.comment })
  }
  return latest
}

async function loadSection(payload: Payload, key: QueueKey, viewer: Viewer, limitPerCollection: number) {
  const perCollection = await Promise.all(
    reviewedCollections.map(async (collection) => {
      const config = payload.collections[collection].config
      const titleField = titleFieldOf(payload, collection)
      // The latest draft holds the current state; the system reads (the query is already the viewer's own).
      const { docs, totalDocs } = await payload.find({
        collection,
        where: sectionWhere(key, viewer),
        draft: true,
        // Work waiting: longest first. One's own items: latest first.
        sort: key === 'mine' ? '-updatedAt' : 'updatedAt',
        limit: limitPerCollection,
        depth: 0,
        overrideAccess: true,
      })
      const rows = docs as unknown as Record<string, unknown>[]
      const ids = rows.map((doc) => doc.id as number | string)
      let total = totalDocs
      let items: QueueItem[] = rows.map((doc) => ({
        collection,
        collectionLabel: String(config.labels.singular),
        id: doc.id as number | string,
        title: String(doc[titleField] ?? doc.id),
        state: doc.workflowState as WorkflowState,
        grade: (doc.grade as Grade | undefined) ?? 'normal',
        updatedAt: String(doc.updatedAt),
        ...(key === 'mine' ? { waitsFor: waitsFor(doc.workflowState as WorkflowState) } : {}),
      }))
      if (key === 'sign') {
        // A sensitive item's second signature must come from someone else.
        const firstSigners = await latestSteps(payload, collection, ids.filter((_, i) => items[i].state === 'signed'), 'signed')
        const mine = items.filter((item) => item.state === 'signed' && sameId(firstSigners.get(String(item.id))?.actor, viewer.id))
        items = items.filter((item) => !mine.includes(item))
        total -= mine.length
      }
      if (key === 'returned') {
        const returns = await latestSteps(payload, collection, ids, 'returned')
        items = items.map((item) => {
          const step = returns.get(String(item.id))
          return step ? { ...item, comment: step.comment ?? undefined, returnedBy: step.actorName ?? undefined } : item
        })
      }
      return { items, total }
    }),
  )
  return {
    total: perCollection.reduce((sum, { total }) => sum + total, 0),
    // Longest waiting first; one's own items latest first, only the latest few.
    items:
      key === 'mine'
        ? perCollection
            .flatMap(({ items }) => items)
            .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
            .slice(0, mineListed)
        : perCollection.flatMap(({ items }) => items).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
  }
}

/** The viewer's queue, one section per relevant step, each item linking back to its collection and id. */
export async function loadReviewQueue(payload: Payload, viewer: Viewer, options: { limitPerCollection?: number } = {}): Promise<QueueSection[]> {
  const limit = options.limitPerCollection ?? 20
  return Promise.all(
    sectionsFor(viewer.role).map(async (key) => ({ key, title: queueTitles[key], ...(await loadSection(payload, key, viewer, limit)) })),
  )
}
