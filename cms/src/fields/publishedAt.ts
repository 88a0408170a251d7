import type { Field, PayloadRequest } from 'payload'

/**
 * A person's 签发 in the admin or over the API fills in an empty 发布时间 with the moment of
 * signing (workflow/enforceWorkflow.ts). Scheduled publishing (the server's own job, Local API)
 * does not: an item scheduled without a 发布时间 is still stopped by the pre-publish check.
 */
export const signFillsPublishedAt = (req: PayloadRequest | undefined) => Boolean(req?.user) && req?.payloadAPI !== 'local'

export const publishedAtField: Field = {
  name: 'publishedAt',
  type: 'date',
  label: '发布时间',
  index: true,
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
    description: '不填则以签发时刻为发布时间；门户按此时间排序。',
  },
  validate: (value: unknown, { siblingData, req }: { siblingData: Record<string, unknown>; req?: PayloadRequest }) =>
    siblingData?._status === 'published' && !value && !signFillsPublishedAt(req) ? '发布前必须填写发布时间' : true,
}
