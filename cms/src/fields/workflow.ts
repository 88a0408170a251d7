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
    // Shown once, in the header (components/workflow/WorkflowStatus), beside 已发布 / 有未发布修改.
    admin: { position: 'sidebar', readOnly: true, hidden: true },
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
    // The API's way to take a step; the admin takes it with the step buttons (components/workflow/).
    admin: { hidden: true },
  },
  {
    name: 'workflowComment',
    type: 'textarea',
    label: '审签意见',
    virtual: true,
    admin: { hidden: true },
  },
  {
    // The 审签记录 of this item, read from the signoffs collection.
    name: 'signoffTrail',
    type: 'ui',
    label: '审签记录',
    admin: { components: { Field: '/components/SignoffTrail#SignoffTrail' } },
  },
]

/**
 * At the top of every reviewed item: why it was returned, the pre-publish problems and the Word
 * import's notes, each kept on screen until dealt with (components/workflow/WorkflowNotices).
 */
export const workflowNoticesField: Field = {
  name: 'workflowNotices',
  type: 'ui',
  label: '稿件提示',
  admin: { components: { Field: '/components/workflow/WorkflowNotices#WorkflowNotices' } },
}

/** What the Word import noted about an item, kept until someone clears it (wordImport/importDocx). */
export const importNotesField: Field = {
  name: 'importNotes',
  type: 'json',
  label: '导入提示',
  admin: { hidden: true },
  custom: { notContent: true },
}
