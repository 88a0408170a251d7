// The buttons of the edit view, one per step the signed-in person may take now. Which steps those
// are comes from workflow/rights.ts (the rules the server enforces); this file only names them,
// says how each is saved, and how it is confirmed.
import type { AllowedStep } from '../../workflow/rights'
import type { WorkflowAction, WorkflowState } from '../../workflow/states'

export type StepButton = {
  step: AllowedStep
  label: string
  /** A draft revision (the public version stays), a publish, or taking the public version down. */
  send: 'draft' | 'publish' | 'unpublish'
  action?: WorkflowAction
  /** Steps that must say why (退回, 撤稿) ask for it before they are sent. */
  reason?: { label: string; confirm: string }
  /** The words that confirm the step once the server has taken it. */
  done: string
  primary?: boolean
  danger?: boolean
}

export function stepButtons(steps: AllowedStep[], state: WorkflowState | undefined): StepButton[] {
  const has = (step: AllowedStep) => steps.includes(step)
  const buttons: StepButton[] = []
  if (has('edit')) {
    buttons.push(
      state === 'published'
        ? { step: 'edit', label: '保存修改稿', send: 'draft', done: '修改稿已保存，须重新提交审核；门户仍显示已发布的版本。' }
        : { step: 'edit', label: '保存草稿', send: 'draft', done: '已保存，稿件状态未变。' },
    )
  }
  if (has('submit')) buttons.push({ step: 'submit', label: '提交审核', send: 'draft', action: 'submit', done: '已提交审核，等待审核人处理。', primary: true })
  if (has('approve')) buttons.push({ step: 'approve', label: '审核通过', send: 'draft', action: 'approve', done: '已审核通过，等待签发人签发。', primary: true })
  if (has('publish')) {
    const second = state === 'signed'
    buttons.push({ step: 'publish', label: second ? '复签并发布' : '签发并发布', send: 'publish', done: second ? '已复签并发布，门户即将更新。' : '已签发并发布，门户即将更新。', primary: true })
  } else if (has('sign')) {
    // A 敏感 item's first signature: a second signer publishes it.
    buttons.push({ step: 'sign', label: '签发（首签）', send: 'draft', action: 'sign', done: '已签发（首签），等待另一位签发人复签并发布。', primary: true })
  }
  if (has('update')) buttons.push({ step: 'update', label: '发布修改', send: 'publish', done: '修改已发布，门户即将更新。', primary: !has('publish') })
  if (has('return')) {
    buttons.push({ step: 'return', label: '退回', send: 'draft', action: 'return', danger: true, reason: { label: '退回原因（必填，作者会在稿件顶部看到）', confirm: '确认退回' }, done: '已退回，作者会在稿件顶部看到退回原因。' })
  }
  if (has('withdraw')) {
    buttons.push({ step: 'withdraw', label: '撤稿', send: 'unpublish', action: 'withdraw', danger: true, reason: { label: '撤稿理由（必填，记入审签记录）', confirm: '确认撤稿' }, done: '已撤稿，门户不再显示本稿。' })
  }
  return buttons
}
