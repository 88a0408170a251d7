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

export const storyKinds = [
  { label: '诉前调解', value: 'mediation' },
  { label: '巡回审判', value: 'circuit-trial' },
  { label: '指导人民调解', value: 'guiding-mediators' },
  { label: '法律咨询', value: 'legal-advice' },
  { label: '普法', value: 'law-promotion' },
]

export const Stories: CollectionConfig = {
  slug: 'stories',
  labels: { singular: reviewedTypes.stories.label, plural: reviewedTypes.stories.label },
  ...draftable,
  endpoints: [previewEndpoint, itemPackageEndpoint, wechatEndpoint, publishCheckEndpoint],
  admin: {
    preview: (doc, { req }) => previewUrl('stories', doc, req.user?.id),
    group: '内容',
    useAsTitle: reviewedTypes.stories.titleField,
    defaultColumns: ['title', 'workstation', 'kind', 'date', '_status'],
    description: '法官工作站的调解、巡回审判和普法故事。',
    // “下载报送材料包” once published: GET /api/stories/<id>/package
    components: { edit: reviewedEditComponents },
  },
  defaultPopulate: { title: true, slug: true, workstation: true, kind: true, date: true },
  defaultSort: `-${reviewedTypes.stories.listSortField}`,
  indexes: reviewedListIndexes('stories'),
  fields: [
    workflowNoticesField,
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    { name: 'workstation', type: 'relationship', relationTo: 'workstations', label: '法官工作站', required: true, index: true },
    { name: 'kind', type: 'select', label: '类型', required: true, options: storyKinds },
    { name: 'date', type: 'date', label: '日期', required: true, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } } },
    { name: 'body', type: 'richText', label: '正文' },
    { name: 'outcome', type: 'textarea', label: '结果', admin: { description: '如：当场达成调解协议，当事人自动履行。' } },
    photosField(),
    slugField(),
    ...workflowFields,
    minorPhotosField,
    createdByField,
  ],
}
