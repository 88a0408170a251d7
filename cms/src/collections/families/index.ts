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

export const Families: CollectionConfig = {
  slug: 'families',
  labels: { singular: reviewedTypes.families.label, plural: reviewedTypes.families.label },
  ...draftable,
  endpoints: [previewEndpoint, itemPackageEndpoint, wechatEndpoint, publishCheckEndpoint],
  admin: {
    preview: (doc, { req }) => previewUrl('families', doc, req.user?.id),
    group: '内容',
    useAsTitle: reviewedTypes.families.titleField,
    defaultColumns: ['familyName', 'relation', 'year', '_status'],
    description: '家庭助廉机制评选出的廉洁家风示范户。',
    // “下载报送材料包” once published: GET /api/families/<id>/package
    components: { edit: reviewedEditComponents },
  },
  defaultPopulate: { familyName: true, slug: true, year: true, motto: true },
  defaultSort: `-${reviewedTypes.families.listSortField}`,
  indexes: reviewedListIndexes('families'),
  fields: [
    workflowNoticesField,
    {
      name: 'familyName',
      type: 'text',
      label: '家庭名称',
      required: true,
      admin: { description: '按“张某某家庭”格式填写，不公开全名。' },
    },
    { name: 'relation', type: 'text', label: '与法院干警关系', admin: { description: '如：执行局干警家庭' } },
    { name: 'year', type: 'number', label: '评选年度', required: true, min: 2000, max: 2100 },
    { name: 'motto', type: 'textarea', label: '家训', required: true },
    { name: 'story', type: 'richText', label: '家风故事' },
    photosField(),
    slugField('familyName'),
    ...workflowFields,
    minorPhotosField,
    createdByField,
  ],
}
