import type { CollectionConfig } from 'payload'

import { hasRole, staff } from '../../access'
import { createdByField } from '../../fields/createdBy'
import { reviewedCollections } from '../../workflow/reviewed'
import { newMediaChannels } from '../../outsideMedia/channels'

/** 新媒体发布: an item posted on one of the court's own accounts, and how many read it. */
export const NewMediaPosts: CollectionConfig = {
  slug: 'new-media-posts',
  labels: { singular: '新媒体发布', plural: '新媒体发布' },
  access: { read: staff, create: staff, update: staff, delete: hasRole('editor', 'approver', 'admin') },
  admin: {
    group: '外宣',
    useAsTitle: 'title',
    defaultColumns: ['title', 'channel', 'postedAt', 'reads'],
    description: '本院微信公众号、微博、抖音等自有新媒体账号的发布记录；阅读量可事后补填，计入年度外宣统计。',
  },
  defaultSort: '-postedAt',
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true },
    { name: 'item', type: 'relationship', relationTo: [...reviewedCollections], label: '对应稿件', admin: { description: '门户网站上的原稿（可不填）。' } },
    { name: 'channel', type: 'select', label: '发布渠道', required: true, options: newMediaChannels.map((c) => ({ ...c })), index: true },
    { name: 'postedAt', type: 'date', label: '发布时间', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'url', type: 'text', label: '链接', admin: { description: '发布后的文章或视频地址。' } },
    { name: 'reads', type: 'number', label: '阅读量', min: 0, admin: { description: '阅读（播放）次数，可在发布后补填、更新。' } },
    { name: 'note', type: 'textarea', label: '备注' },
    createdByField,
  ],
}
