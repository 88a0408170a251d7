// What each role is offered, from the one source of rights (workflow/rights.ts).
import { describe, expect, it } from 'vitest'

import type { Role } from '../../roles'
import { stepsAllowed } from '../../workflow/rights'
import type { WorkflowState } from '../../workflow/states'
import { stepButtons } from './stepButtons'

const offered = (role: Role, state: WorkflowState | undefined, grade: 'normal' | 'sensitive' = 'normal', authorId: number = 9) =>
  stepButtons(stepsAllowed({ role, userId: 1, state, authorId, grade }), state).map((b) => b.label)

describe('the step buttons each role is offered', () => {
  it('a reviewer, on a submitted item: 审核通过 and 退回, never 签发 or 撤稿', () => {
    expect(offered('reviewer', 'submitted')).toEqual(['保存草稿', '审核通过', '退回'])
  })
  it('a signer, on an approved item: 签发并发布 and 退回', () => {
    expect(offered('approver', 'reviewed')).toEqual(['保存草稿', '签发并发布', '退回'])
  })
  it('a signer, on an approved 敏感 item: the first signature only', () => {
    expect(offered('approver', 'reviewed', 'sensitive')).toEqual(['保存草稿', '签发（首签）', '退回'])
  })
  it('a contributor, on their own draft: 保存草稿 and 提交审核; nothing once submitted', () => {
    expect(offered('contributor', 'draft', 'normal', 1)).toEqual(['保存草稿', '提交审核'])
    expect(offered('contributor', 'submitted', 'normal', 1)).toEqual([])
  })
  it('a signer, on a published item: 发布修改 and 撤稿', () => {
    expect(offered('approver', 'published')).toEqual(['保存修改稿', '发布修改', '撤稿'])
  })
  it('nobody approves their own item', () => {
    expect(offered('reviewer', 'submitted', 'normal', 1)).not.toContain('审核通过')
  })
})
