import type { Field } from 'payload'

import { actionLabels, gradeLabels, grades, stateLabels, toOptions, workflowActions, workflowStates } from '../workflow/states'

/**
 * The review fields every draftable collection carries. `workflowState` is written only by the
 * workflow hook (see workflow/enforceWorkflow.ts); people move an item on by choosing an
 * action (`workflowAction`, with `workflowComment`), which is not stored on the item but in
 * its 审签记录.
 */
export const workflowFields: Field[] = [
  {
    name: 'workflowState',
    type: 'select',
    label: '审签状态',
    options: toOptions(stateLabels, workflowStates),
    defaultValue: 'draft',
    index: true,
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'grade',
    type: 'select',
    label: '稿件等级',
    options: toOptions(gradeLabels, grades),
    defaultValue: 'normal',
    required: true,
    admin: { position: 'sidebar', description: '敏感稿件须经两位签发人签发。' },
  },
  {
    name: 'workflowAction',
    type: 'select',
    label: '审签操作',
    virtual: true,
    options: toOptions(actionLabels, workflowActions),
    // Virtual fields are read-only in the admin unless told otherwise; this one is how people act.
    admin: { position: 'sidebar', readOnly: false, description: '选择操作后保存：提交审核、审核通过、签发、退回或撤稿。' },
  },
  {
    name: 'workflowComment',
    type: 'textarea',
    label: '审签意见',
    virtual: true,
    admin: { position: 'sidebar', readOnly: false, description: '退回和撤稿时必填，会记入审签记录并告知作者。' },
  },
  {
    // The 审签记录 of this item, read from the signoffs collection.
    name: 'signoffTrail',
    type: 'ui',
    label: '审签记录',
    admin: { components: { Field: '/components/SignoffTrail#SignoffTrail' } },
  },
]
