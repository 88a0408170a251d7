import type { Payload } from 'payload'

import type { ReviewedCollection } from '../workflow/reviewed'
import type { Role } from '../roles'
import type { WorkflowState } from '../workflow/states'
import type { SeedState } from './data/types'
import { demoUsers } from './users'

type Step = { action: 'submit' | 'approve' | 'publish'; from?: WorkflowState; to: WorkflowState; by: Role; comment?: string }

const path: Step[] = [
  { action: 'submit', to: 'submitted', by: 'contributor' },
  { action: 'approve', from: 'submitted', to: 'reviewed', by: 'reviewer', comment: '内容属实，同意报签。' },
  { action: 'publish', from: 'reviewed', to: 'published', by: 'approver', comment: '同意发布。' },
]
const stepsTo: Record<SeedState, number> = { draft: 0, submitted: 1, reviewed: 2, published: 3 }

/** The 审签记录 a demo item in `state` would have, so the admin shows real-looking history. */
export async function seedTrail(
  payload: Payload,
  item: { collection: ReviewedCollection; id: number; title: string; state: SeedState; author: Role },
  userIds: Record<Role, number>,
) {
  for (const step of path.slice(0, stepsTo[item.state])) {
    const by = step.action === 'submit' ? item.author : step.by
    await payload.create({
      collection: 'signoffs',
      data: {
        docCollection: item.collection,
        docId: String(item.id),
        docTitle: item.title,
        action: step.action,
        fromState: step.from,
        toState: step.to,
        actor: userIds[by],
        actorName: demoUsers.find((user) => user.role === by)?.name,
        actorRole: by,
        comment: step.comment,
      },
    })
  }
}
