// The rules of the 三审 workflow as one pure function, so every case can be read and tested
// without a database. The hook (enforceWorkflow.ts) gathers the facts and applies the verdict.
import type { Role } from '../roles'
import { actionLabels, type Grade, gradeLabels, stateLabels, type WorkflowAction, type WorkflowState } from './states'

export type Step = WorkflowAction | 'publish' | 'update' | 'regrade'

export type TransitionRequest = {
  /** The state before this save; undefined when the item is being created. */
  from: WorkflowState | undefined
  /** The action chosen in 审签操作, if any. */
  action: WorkflowAction | undefined
  /** The `_status` the saved document will have, as Payload will write it (not as the request claims). */
  requestedStatus: 'draft' | 'published' | undefined
  /** The item's `_status` before this save. */
  currentStatus: 'draft' | 'published' | undefined
  /** Payload saves a draft revision and leaves the public version as it is. */
  draftSave: boolean
  /** The grade on record before this save (for new items: the one they are created with). */
  grade: Grade
  /** The grade this save would store, when it names one. */
  requestedGrade?: Grade
  role: Role
  userId: number | string
  authorId: number | string | undefined
  /** Who gave the first of a sensitive item's two sign-offs. */
  firstSignerId: number | string | undefined
  comment: string
}

export type Verdict =
  | { ok: true; step: Step | undefined; to: WorkflowState; status?: 'draft' | 'published' }
  | { ok: false; message: string }

const refuse = (message: string): Verdict => ({ ok: false, message })

/** Who may take each step (admins may take every step). */
const allowedRoles: Record<WorkflowAction, Role[]> = {
  submit: ['contributor', 'editor', 'admin'],
  approve: ['reviewer', 'admin'],
  sign: ['approver', 'admin'],
  return: ['reviewer', 'approver', 'admin'],
  withdraw: ['approver', 'admin'],
}

/** The states from which each step may be taken. */
const allowedFrom: Record<WorkflowAction, WorkflowState[]> = {
  submit: ['draft', 'returned', 'withdrawn'],
  approve: ['submitted'],
  sign: ['reviewed', 'signed'],
  return: ['submitted', 'reviewed', 'signed'],
  withdraw: ['published'],
}

/** Who may change an item's content while it waits at each state. */
const editableBy: Record<WorkflowState, Role[]> = {
  draft: ['contributor', 'editor', 'reviewer', 'approver', 'admin'],
  returned: ['contributor', 'editor', 'reviewer', 'approver', 'admin'],
  withdrawn: ['contributor', 'editor', 'reviewer', 'approver', 'admin'],
  submitted: ['reviewer', 'approver', 'admin'],
  reviewed: ['approver', 'admin'],
  signed: ['approver', 'admin'],
  published: ['approver', 'admin'],
}

const stepName = (step: Step) => `“${actionLabels[step]}”`

/** Before submission the grade is part of the author's draft; after it, changing it is a step of its own. */
const gradeFreeStates: WorkflowState[] = ['draft', 'returned', 'withdrawn']
const regradeRoles: Partial<Record<WorkflowState, Role[]>> = {
  submitted: ['reviewer', 'approver', 'admin'],
  reviewed: ['approver', 'admin'],
  signed: ['approver', 'admin'],
}

/** Changing the grade of a submitted item: its own recorded step, never part of another one. */
function decideRegrade(request: TransitionRequest, from: WorkflowState, publishing: boolean): Verdict {
  if (request.action || publishing) {
    return refuse('更改稿件等级须单独保存一次并记入审签记录，不能与审签操作或发布同时进行。请先只改稿件等级并保存草稿。')
  }
  const roles = regradeRoles[from]
  if (!roles) return refuse(`稿件${stateLabels[from]}，不能更改稿件等级；如需更改，请先撤稿。`)
  if (!roles.includes(request.role)) {
    return refuse(`稿件${stateLabels[from]}，只有${from === 'submitted' ? '审核人、' : ''}签发人或管理员可以更改稿件等级。`)
  }
  return { ok: true, step: 'regrade', to: from }
}

/** The record's note for a regrade: what changed, then the person's comment. */
export const regradeNote = (from: Grade, to: Grade, comment: string) =>
  [`稿件等级由“${gradeLabels[from]}”改为“${gradeLabels[to]}”`, comment].filter(Boolean).join('\n')

export function decideTransition(request: TransitionRequest): Verdict {
  const { action, draftSave, role, comment } = request
  const from = request.from ?? 'draft'
  const publishing = !draftSave && (request.requestedStatus ?? request.currentStatus) === 'published'
  const unpublishing = !draftSave && request.requestedStatus === 'draft' && request.currentStatus === 'published'
  const isAuthor = request.authorId !== undefined && String(request.authorId) === String(request.userId)

  const regrading = request.requestedGrade !== undefined && request.requestedGrade !== request.grade
  if (regrading && !gradeFreeStates.includes(from)) return decideRegrade(request, from, publishing || unpublishing)

  // Payload's own 发布 button (or a scheduled publish) is the sign-off step when nothing else is chosen.
  const step: Step | undefined = action ?? (publishing ? (from === 'published' ? 'update' : 'publish') : undefined)

  if (step === undefined) {
    if (unpublishing) return refuse('撤下已发布的稿件，请在“审签操作”中选择“撤稿”并填写撤稿理由。')
    if (!editableBy[from].includes(role)) {
      return refuse(`稿件${stateLabels[from]}，您不能修改。如需修改，请联系审核人或签发人退回。`)
    }
    // A draft revision of a published item goes through review again; the public version stays.
    return { ok: true, step: undefined, to: from === 'published' && draftSave ? 'draft' : from }
  }

  if (step === 'update') {
    if (!editableBy.published.includes(role)) return refuse('只有签发人或管理员可以修改已发布的稿件。')
    return { ok: true, step, to: 'published', status: 'published' }
  }

  if (step === 'publish' || step === 'sign') {
    if (!allowedRoles.sign.includes(role)) return refuse('只有签发人或管理员可以签发、发布稿件。')
    if (!allowedFrom.sign.includes(from)) {
      return refuse(`稿件当前为“${stateLabels[from]}”，须先经审核通过（待签发）才能签发发布。`)
    }
    if (isAuthor) return refuse('不能签发自己撰写的稿件，请由其他签发人签发。')
    const needsSecondSignature = request.grade === 'sensitive' && from === 'reviewed'
    if (needsSecondSignature) {
      if (publishing) {
        return refuse('敏感稿件须经两位签发人签发：请在“审签操作”中选择“签发”并保存草稿，再由另一位签发人发布。')
      }
      return { ok: true, step: 'sign', to: 'signed' }
    }
    if (from === 'signed' && request.firstSignerId !== undefined && String(request.firstSignerId) === String(request.userId)) {
      return refuse('敏感稿件须由另一位签发人复签，您已签发过一次。')
    }
    if (draftSave) return refuse('签发即发布：请点击“发布”按钮完成签发。')
    return { ok: true, step, to: 'published', status: 'published' }
  }

  // submit, approve, return, withdraw
  if (!allowedRoles[step].includes(role)) return refuse(`您的角色不能进行${stepName(step)}操作。`)
  if (!allowedFrom[step].includes(from)) return refuse(`稿件当前为“${stateLabels[from]}”，不能${stepName(step)}。`)
  if (step === 'approve' && isAuthor) return refuse('不能审核自己撰写的稿件，请由其他审核人审核。')
  if ((step === 'return' || step === 'withdraw') && !comment.trim()) {
    return refuse(step === 'return' ? '退回稿件时必须填写审签意见，说明退回原因。' : '撤稿时必须在“审签意见”中填写撤稿理由。')
  }
  if (step === 'withdraw') {
    if (draftSave) return refuse('撤稿请点击“发布更改”保存，不要保存为草稿。')
    return { ok: true, step, to: 'withdrawn', status: 'draft' }
  }
  const to: Record<'submit' | 'approve' | 'return', WorkflowState> = { submit: 'submitted', approve: 'reviewed', return: 'returned' }
  if (publishing) return refuse(`${stepName(step)}不会发布稿件：请点击“保存草稿”。`)
  return { ok: true, step, to: to[step] }
}
