// The 三审 workflow: where an item stands and what may move it on.

export const workflowStates = ['draft', 'returned', 'submitted', 'reviewed', 'signed', 'published', 'withdrawn'] as const
export type WorkflowState = (typeof workflowStates)[number]

export const stateLabels: Record<WorkflowState, string> = {
  draft: '草稿',
  returned: '已退回',
  submitted: '待审核',
  reviewed: '待签发',
  signed: '待复签',
  published: '已发布',
  withdrawn: '已撤稿',
}

/** Steps a person can ask for; publishing itself is Payload's own "发布" (or the 签发 step). */
export const workflowActions = ['submit', 'approve', 'sign', 'return', 'withdraw'] as const
export type WorkflowAction = (typeof workflowActions)[number]

export const actionLabels: Record<WorkflowAction | 'publish' | 'update' | 'regrade', string> = {
  submit: '提交审核',
  approve: '审核通过',
  sign: '签发',
  return: '退回',
  withdraw: '撤稿',
  publish: '发布',
  update: '修改已发布稿件',
  regrade: '更改稿件等级',
}

export const grades = ['normal', 'important', 'sensitive'] as const
export type Grade = (typeof grades)[number]

export const gradeLabels: Record<Grade, string> = { normal: '一般', important: '重要', sensitive: '敏感' }

export const toOptions = <T extends string>(labels: Record<T, string>, values: readonly T[]) =>
  values.map((value) => ({ label: labels[value], value }))
