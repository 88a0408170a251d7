// The demo's outside-media work: outlets, the years' 积分规则, and 外宣报送 records walked along
// their status path one save at a time, through the collection's hooks, so their dates are checked
// and their points computed exactly as for records entered in the admin. Idempotent: outlets by
// name, rules by year, records by item and outlet; a record left part-way is taken to its end.
import type { Payload } from 'payload'

import { beijingNoon } from '../dates'
import type { Submission } from '../payload-types'
import type { Role } from '../roles'
import { outlets } from './data/outlets'
import { scoringRules } from './data/scoringRules'
import { submissions } from './data/submissions'
import type { SubmissionSeed, SubmissionStep } from './data/types'

type Id = number

const stepData = (step: SubmissionStep): Partial<Submission> => {
  if (step.status === 'rejected') return { status: 'rejected' }
  return step.status === 'submitted' ? { status: 'submitted', submittedAt: beijingNoon(step.on) } : { status: step.status, publishedOn: beijingNoon(step.on) }
}

/** The steps still to take for a record now at `status` (all of them for a record 待报送). */
function remainingSteps(steps: SubmissionStep[], status: Submission['status']): SubmissionStep[] {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i].status === status) return steps.slice(i + 1)
  return status === 'pending' ? steps : []
}

export async function seedOutsideMedia(payload: Payload, users: Record<Role, Id>, count: (collection: string) => void) {
  const outletIds: Record<string, Id> = {}
  for (const outlet of outlets) {
    const { docs } = await payload.find({ collection: 'outlets', where: { name: { equals: outlet.name } }, limit: 1, depth: 0 })
    outletIds[outlet.name] = docs[0]?.id ?? (await payload.create({ collection: 'outlets', data: outlet }).then((doc) => (count('outlets'), doc.id)))
  }

  for (const rules of scoringRules) {
    const { totalDocs } = await payload.count({ collection: 'scoring-rules', where: { year: { equals: rules.year } } })
    if (totalDocs === 0) await payload.create({ collection: 'scoring-rules', data: rules }).then(() => count('scoring-rules'))
  }

  for (const seed of submissions) await seedSubmission(payload, seed, outletIds, users, count)
}

async function seedSubmission(payload: Payload, seed: SubmissionSeed, outletIds: Record<string, Id>, users: Record<Role, Id>, count: (collection: string) => void) {
  const { docs: items } = await payload.find({ collection: seed.item.collection, where: { slug: { equals: seed.item.slug } }, limit: 1, depth: 0 })
  const itemId = items[0]?.id
  const outlet = outletIds[seed.outlet]
  if (itemId === undefined || outlet === undefined) throw new Error(`外宣报送示例数据引用了不存在的稿件或媒体：${seed.item.slug} → ${seed.outlet}`)

  const { docs: existing } = await payload.find({
    collection: 'submissions',
    where: { and: [{ outlet: { equals: outlet } }, { 'item.relationTo': { equals: seed.item.collection } }, { 'item.value': { equals: itemId } }] },
    limit: 1,
    depth: 0,
  })
  let doc: Submission | undefined = existing[0]
  if (!doc) {
    doc = await payload.create({
      collection: 'submissions',
      data: {
        title: '', // the hook takes the item's
        item: { relationTo: seed.item.collection, value: itemId },
        outlet,
        kind: seed.kind,
        status: 'pending',
        authors: seed.authors.map(({ name, role, user }) => ({ name, role: role ?? 'writer', user: user ? users[user] : undefined })),
        signedOffBy: users.approver,
        issue: seed.issue,
        page: seed.page,
        leaderInstruction: seed.leaderInstruction ?? false,
        leaderNote: seed.leaderNote,
        createdBy: users.editor,
      },
    })
    count('submissions')
  }
  for (const step of remainingSteps(seed.steps, doc.status)) {
    doc = await payload.update({ collection: 'submissions', id: doc.id, data: stepData(step) })
  }
}
