import type { Field } from 'payload'

export const publishedAtField: Field = {
  name: 'publishedAt',
  type: 'date',
  label: '发布时间',
  index: true,
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
    description: '发布前必须填写，门户按此时间排序。',
  },
  validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
    siblingData?._status === 'published' && !value ? '发布前必须填写发布时间' : true,
}
