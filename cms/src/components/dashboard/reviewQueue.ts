// What waits for the signed-in person across the four reviewed collections: 待我审核, 待我签发,
// 被退回, and 我的稿件 (everything they entered, with whom it waits for). Only the sections their
// role acts on; only items they may act on.
import type { Payload, Where } from 'payload'

import { idOf } from '../../relations'
import { type Role, roleLabels } from '../../roles'
import { type ReviewedCollection, reviewedCollections, reviewedTypes, titleOf } from '../../workflow/reviewed'
import { type AllowedStep, scopesByRole, stepsAllowed, type StepScope } from '../../workflow/rights'
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

/** The workflow steps behind the sections of things to act on: 审核通过; 签发 or 发布. */
const sectionSteps: Record<'review' | 'sign', AllowedStep[]> = { review: ['approve'], sign: ['sign', 'publish'] }

/** What the role may do for a section, merged over its steps (workflow/rights.ts); undefined when nothing. */
function sectionScope(key: 'review' | 'sign', role: Role): StepScope | undefined {
  const scopes = sectionSteps[key].map((step) => scopesByRole[role][step]).filter((scope): scope is StepScope => Boolean(scope))
  if (!scopes.length) return undefined
  const states = [...new Set(scopes.flatMap((scope) => scope.states))]
  return { states, ownItems: scopes.every((scope) => scope.ownItems) }
}

/**
 * Which sections each role sees: those whose steps it may take, 被退回 for everyone who may work on
 * a returned item, and 我的稿件 for everyone who may write.
 */
export const sectionsFor = (role: Role | null | undefined): QueueKey[] => {
  if (!role) return []
  const keys: QueueKey[] = (['review', 'sign'] as const).filter((key) => sectionScope(key, role))
  if (scopesByRole[role].edit?.states.includes('returned')) keys.push('returned')
  if (scopesByRole[role].edit?.states.includes('draft')) keys.push('mine')
  return keys
}

/** Items nobody entered (seeded, imported) count as someone else's. */
const notAuthoredBy = (viewer: Viewer): Where => ({
  or: [{ createdBy: { not_equals: viewer.id } }, { createdBy: { exists: false } }],
})

/** Whether the workflow refuses a second signature from the item's first signer (a 敏感 item's two signers differ). */
const firstSignerExcluded = (role: Role, viewer: Viewer) =>
  !stepsAllowed({ role, userId: viewer.id, state: 'signed', authorId: undefined, firstSignerId: viewer.id, grade: 'sensitive' }).some(
    (step) => sectionSteps.sign.includes(step),
  )

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

/** The signed items in `collection` whose first signature is the viewer's, so they need someone else's. */
async function signedFirstBy(payload: Payload, collection: ReviewedCollection, viewer: Viewer): Promise<(number | string)[]> {
  const { docs } = await payload.find({
    collection,
    where: { workflowState: { equals: 'signed' } },
    draft: true,
    pagination: false,
    depth: 0,
    select: {},
    overrideAccess: true,
  })
  const ids = docs.map((doc) => doc.id as number | string)
  const firstSigners = await latestSteps(payload, collection, ids, 'signed')
  return ids.filter((id) => {
    const actor = firstSigners.get(String(id))?.actor
    return actor !== undefined && String(actor) === String(viewer.id)
  })
}

/** The items of one collection waiting in a section, as a query: states from the workflow, the viewer's exclusions. */
async function sectionWhere(payload: Payload, collection: ReviewedCollection, key: QueueKey, viewer: Viewer, role: Role): Promise<Where> {
  if (key === 'returned') return { and: [{ workflowState: { equals: 'returned' } }, { createdBy: { equals: viewer.id } }] }
  if (key === 'mine') return { createdBy: { equals: viewer.id } }
  const scope = sectionScope(key, role)!
  const where: Where[] = [{ workflowState: { in: scope.states } }]
  if (!scope.ownItems) where.push(notAuthoredBy(viewer))
  if (scope.states.includes('signed') && firstSignerExcluded(role, viewer)) {
    const mine = await signedFirstBy(payload, collection, viewer)
    if (mine.length) where.push({ id: { not_in: mine } })
  }
  return { and: where }
}

async function loadSection(payload: Payload, key: QueueKey, viewer: Viewer, role: Role, limitPerCollection: number) {
  const perCollection = await Promise.all(
    reviewedCollections.map(async (collection) => {
      // The latest draft holds the current state; the system reads (the query is already the viewer's own).
      // The database counts the total, so it is right however few items are listed.
      const { docs, totalDocs } = await payload.find({
        collection,
        where: await sectionWhere(payload, collection, key, viewer, role),
        draft: true,
        // Work waiting: longest first. One's own items: latest first.
        sort: key === 'mine' ? '-updatedAt' : 'updatedAt',
        limit: limitPerCollection,
        depth: 0,
        overrideAccess: true,
      })
      const rows = docs as unknown as Record<string, unknown>[]
      let items: QueueItem[] = rows.map((doc) => ({
        collection,
        collectionLabel: reviewedTypes[collection].label,
        id: doc.id as number | string,
        title: titleOf(collection, doc),
        state: doc.workflowState as WorkflowState,
        grade: (doc.grade as Grade | undefined) ?? 'normal',
        updatedAt: String(doc.updatedAt),
        ...(key === 'mine' ? { waitsFor: waitsFor(doc.workflowState as WorkflowState) } : {}),
      }))
      if (key === 'returned') {
        const returns = await latestSteps(payload, collection, items.map((item) => item.id), 'returned')
        items = items.map((item) => {
          const step = returns.get(String(item.id))
          return step ? { ...item, comment: step.comment ?? undefined, returnedBy: step.actorName ?? undefined } : item
        })
      }
      return { items, total: totalDocs }
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
  const role = viewer.role
  if (!role) return []
  return Promise.all(
    sectionsFor(role).map(async (key) => ({ key, title: queueTitles[key], ...(await loadSection(payload, key, viewer, role, limit)) })),
  )
}
