import type { CollectionConfig } from 'payload'

import { itemPackageEndpoint } from '../../exportPackage/itemPackageEndpoint'
import { wechatEndpoint } from '../../wechatExport/endpoint'
import { minorPhotosField } from '../../fields/minorPhotos'
import { createdByField } from '../../fields/createdBy'
import { photosField } from '../../fields/photos'
import { slugField } from '../../fields/slug'
import { workflowFields, workflowNoticesField } from '../../fields/workflow'
import { previewEndpoint } from '../../preview/previewEndpoint'
import { previewUrl } from '../../preview/previewToken'
import { publishCheckEndpoint } from '../../checks/checkEndpoint'
import { draftable } from '../draftable'
import { reviewedTypes } from '../../workflow/reviewed'
import { reviewedEditComponents } from '../reviewedEdit'
import { reviewedListIndexes } from '../../listIndexes'

export const venueKinds = [
  { label: '社区', value: 'community' },
  { label: '乡村', value: 'village' },
  { label: '学校', value: 'school' },
  { label: '企业', value: 'enterprise' },
  { label: '其他', value: 'other' },
]

export const eventFormats = [
  { label: '法律咨询', value: 'legal-advice' },
  { label: '法治讲座', value: 'lecture' },
  { label: '民法典宣传', value: 'civil-code' },
  { label: '开放日', value: 'open-day' },
  { label: '其他', value: 'other' },
]

const dayAndTime = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy-MM-dd HH:mm' } }

export const Events: CollectionConfig = {
  slug: 'events',
  labels: { singular: reviewedTypes.events.label, plural: reviewedTypes.events.label },
  ...draftable,
  endpoints: [previewEndpoint, itemPackageEndpoint, wechatEndpoint, publishCheckEndpoint],
  admin: {
    preview: (doc, { req }) => previewUrl('events', doc, req.user?.id),
    group: '内容',
    useAsTitle: reviewedTypes.events.titleField,
    defaultColumns: ['title', 'startAt', 'venueKind', 'format', '_status'],
    description: '法官进社区、进乡村、进校园开展的法律咨询、法治讲座、民法典宣传等活动。',
    // “下载报送材料包” once published: GET /api/events/<id>/package
    components: { edit: reviewedEditComponents },
  },
  defaultPopulate: { title: true, slug: true, startAt: true, endAt: true, venue: true, format: true },
  defaultSort: `-${reviewedTypes.events.listSortField}`,
  indexes: reviewedListIndexes('events'),
  fields: [
    workflowNoticesField,
    { name: 'title', type: 'text', label: '活动名称', required: true, maxLength: 120 },
    { name: 'startAt', type: 'date', label: '开始时间', required: true, index: true, admin: dayAndTime },
    {
      name: 'endAt',
      type: 'date',
      label: '结束时间',
      admin: dayAndTime,
      validate: (value: unknown, { siblingData }: { siblingData: { startAt?: string } }) =>
        value && siblingData.startAt && new Date(String(value)) < new Date(siblingData.startAt)
          ? '结束时间不能早于开始时间'
          : true,
    },
    { name: 'venueKind', type: 'select', label: '场所类型', required: true, options: venueKinds },
    { name: 'venue', type: 'text', label: '地点' },
    { name: 'format', type: 'select', label: '活动形式', required: true, options: eventFormats },
    { name: 'organiser', type: 'text', label: '组织单位' },
    { name: 'audienceSize', type: 'number', label: '参与人数', min: 0 },
    { name: 'body', type: 'richText', label: '活动报道' },
    photosField(),
    slugField(),
    ...workflowFields,
    minorPhotosField,
    createdByField,
  ],
}
