// Who may record what on a 外宣报送: outcomes (已采用/已刊发/未采用), 领导批示 and the fields that
// earn points are the office's (editors, approvers, admins); contributors write up their own
// records while they are 待报送; reviewers may also mark records as sent.
import type { Access, Where } from 'payload'

import { roleOf } from '../access'
import type { Submission } from '../payload-types'
import type { Role } from '../roles'
import { isScored, type SubmissionStatus } from './statuses'

const officeRoles: Role[] = ['editor', 'approver', 'admin']

/** Contributors update only their own records that have not been sent; other staff all. */
export const updateSubmission: Access = ({ req: { user } }) => {
  const role = roleOf(user)
  if (!user || !role) return false
  if (role === 'contributor') {
    const own: Where[] = [{ createdBy: { equals: user.id } }, { status: { equals: 'pending' } }]
    return { and: own }
  }
  return true
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** A Chinese refusal when this person may not make this change, else undefined. */
export function refuseUnlessOffice(
  role: Role | undefined,
  data: Partial<Submission>,
  before: Partial<Submission> | undefined,
  from: SubmissionStatus | undefined,
  to: SubmissionStatus,
): string | undefined {
  if (!role || officeRoles.includes(role)) return undefined
  const changed = (key: keyof Submission) => data[key] !== undefined && !same(data[key], before?.[key])
  if (changed('leaderInstruction') || changed('leaderNote')) {
    if (data.leaderInstruction || data.leaderNote || before?.leaderInstruction || before?.leaderNote) {
      return '领导批示只能由编辑、签发人或管理员登记。'
    }
  }
  if (role === 'contributor' && to !== 'pending') {
    return '通讯员只能录入和修改自己待报送的记录；报送、采用和刊发情况由编辑登记。'
  }
  const outcome = (status: SubmissionStatus | undefined) => isScored(status) || status === 'rejected'
  if (outcome(to) && (from !== to || changed('outlet') || changed('publishedOn'))) {
    return '采用、刊发、未采用情况及积分相关内容只能由编辑、签发人或管理员登记。'
  }
  return undefined
}
