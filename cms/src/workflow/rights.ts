// Who may do what, read off the workflow itself: each possible step is put to decideTransition
// as the admin would send it, so the buttons, the queue and the save hook cannot disagree.
import type { Role } from '../roles'
import { roles } from '../roles'
import { type Grade, grades, type WorkflowState, workflowStates } from './states'
import { decideTransition, type Step, type TransitionRequest } from './transitions'

/** A step of the workflow, or `edit`: saving changes to the content without moving the item on. */
export type AllowedStep = Step | 'edit'

/** Every step in the order buttons show them. */
export const allowedStepOrder: AllowedStep[] = ['edit', 'submit', 'approve', 'sign', 'publish', 'update', 'return', 'withdraw', 'regrade']

export type RightsContext = {
  role: Role
  userId: number | string
  /** The item's workflow state; undefined for an item not yet created. */
  state: WorkflowState | undefined
  authorId: number | string | undefined
  /** Who gave a sensitive item's first signature (only matters in state `signed`). */
  firstSignerId?: number | string | undefined
  grade: Grade
}

type Probe = Pick<TransitionRequest, 'action' | 'requestedStatus' | 'draftSave'> & { regrade?: true }

// The saves the admin can send: 保存草稿 (draft), 发布 (published), each with or without a 审签操作.
const probes: Probe[] = [
  { action: undefined, requestedStatus: 'draft', draftSave: true },
  { action: undefined, requestedStatus: 'published', draftSave: false },
  { action: undefined, requestedStatus: 'draft', draftSave: true, regrade: true },
  ...(['submit', 'approve', 'sign', 'return', 'withdraw'] as const).flatMap((action) => [
    { action, requestedStatus: 'draft' as const, draftSave: true },
    { action, requestedStatus: 'published' as const, draftSave: false },
    // 撤稿 is saved with 发布更改 and takes the public version down: a non-draft save to `draft`.
    { action, requestedStatus: 'draft' as const, draftSave: false },
  ]),
]

const otherGrade = (grade: Grade) => grades.find((g) => g !== grade) as Grade

/**
 * The steps this person may take on this item now, assuming they give a comment where one is
 * required. Pure: the caller supplies the facts (author, first signer) from the database.
 */
export function stepsAllowed(context: RightsContext): AllowedStep[] {
  const found = new Set<AllowedStep>()
  for (const probe of probes) {
    const verdict = decideTransition({
      from: context.state,
      action: probe.action,
      requestedStatus: probe.requestedStatus,
      currentStatus: context.state === 'published' ? 'published' : 'draft',
      draftSave: probe.draftSave,
      grade: context.grade,
      requestedGrade: probe.regrade ? otherGrade(context.grade) : undefined,
      role: context.role,
      userId: context.userId,
      authorId: context.authorId,
      firstSignerId: context.firstSignerId,
      comment: '理由',
    })
    if (verdict.ok) found.add(verdict.step ?? 'edit')
  }
  return allowedStepOrder.filter((step) => found.has(step))
}

/** For one step: the states a role may take it from, and whether it may on items it wrote itself. */
export type StepScope = { states: WorkflowState[]; ownItems: boolean }

const someoneElse = '\u0000someone-else'
const me = '\u0000me'

/**
 * Per step, the states from which this role has something to do, for building queries (the
 * dashboard's 待我审核 / 待我签发). Item-level facts the query must add itself: `ownItems: false`
 * means the role may not take the step on its own items; a `signed` item also needs a signer
 * other than its first one.
 */
export function statesToActOn(role: Role): Partial<Record<AllowedStep, StepScope>> {
  const scopes: Partial<Record<AllowedStep, StepScope>> = {}
  for (const state of workflowStates) {
    for (const grade of grades) {
      const others = stepsAllowed({ role, userId: me, state, authorId: someoneElse, firstSignerId: someoneElse, grade })
      const own = new Set(stepsAllowed({ role, userId: me, state, authorId: me, firstSignerId: someoneElse, grade }))
      for (const step of others) {
        const scope = (scopes[step] ??= { states: [], ownItems: true })
        if (!scope.states.includes(state)) scope.states.push(state)
        if (!own.has(step)) scope.ownItems = false
      }
    }
  }
  return scopes
}

/** Every role's scopes, computed once: the rules do not change at run time. */
export const scopesByRole = Object.fromEntries(roles.map((role) => [role, statesToActOn(role)])) as Record<
  Role,
  Partial<Record<AllowedStep, StepScope>>
>
