import type { Field } from 'payload'

export const workflowStates = [
  { label: '草稿', value: 'draft' },
  { label: '待审核', value: 'submitted' },
  { label: '待签发', value: 'reviewed' },
  { label: '已发布', value: 'published' },
]

/**
 * Where an item stands in review (审核、审签). Kept in step with Payload's own _status:
 * publishing marks it 已发布, taking an item back to draft clears that mark.
 */
export const workflowStateField: Field = {
  name: 'workflowState',
  type: 'select',
  label: '审核状态',
  options: workflowStates,
  defaultValue: 'draft',
  index: true,
  admin: { position: 'sidebar' },
  hooks: {
    beforeChange: [
      ({ value, siblingData }) => {
        if (siblingData?._status === 'published') return 'published'
        if (value === 'published') return 'reviewed'
        return value ?? 'draft'
      },
    ],
  },
}
