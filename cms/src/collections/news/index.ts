import type { CollectionConfig } from 'payload'

import { itemPackageEndpoint } from '../../exportPackage/itemPackageEndpoint'
import { wechatEndpoint } from '../../wechatExport/endpoint'
import { minorPhotosField } from '../../fields/minorPhotos'
import { createdByField } from '../../fields/createdBy'
import { publishedAtField } from '../../fields/publishedAt'
import { slugField } from '../../fields/slug'
import { importNotesField, workflowFields, workflowNoticesField } from '../../fields/workflow'
import { previewEndpoint } from '../../preview/previewEndpoint'
import { previewUrl } from '../../preview/previewToken'
import { importDocxEndpoint } from '../../wordImport/importEndpoint'
import { publishCheckEndpoint } from '../../checks/checkEndpoint'
import { draftable } from '../draftable'
import { reviewedTypes } from '../../workflow/reviewed'
import { reviewedEditComponents } from '../reviewedEdit'
import { reviewedListIndexes } from '../../listIndexes'

export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: reviewedTypes.news.label, plural: reviewedTypes.news.label },
  graphQL: { singularName: 'NewsItem', pluralName: 'News' },
  ...draftable,
  endpoints: [previewEndpoint, itemPackageEndpoint, wechatEndpoint, importDocxEndpoint, publishCheckEndpoint],
  admin: {
    preview: (doc, { req }) => previewUrl('news', doc, req.user?.id),
    group: '内容',
    useAsTitle: reviewedTypes.news.titleField,
    defaultColumns: ['title', 'column', '_status', 'publishedAt', 'updatedAt'],
    description: '法院新闻、“六善”文化与各栏目稿件。',
    // “下载报送材料包” once published: GET /api/news/<id>/package
    components: {
      edit: reviewedEditComponents,
      // “从 Word 导入” above the list: a .docx becomes a draft (wordImport/).
      beforeList: ['/wordImport/ImportFromWord#ImportFromWord'],
    },
  },
  defaultPopulate: { title: true, slug: true, summary: true, cover: true, column: true, publishedAt: true },
  defaultSort: `-${reviewedTypes.news.listSortField}`,
  indexes: reviewedListIndexes('news'),
  fields: [
    workflowNoticesField,
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    { name: 'summary', type: 'textarea', label: '摘要', maxLength: 300 },
    { name: 'body', type: 'richText', label: '正文' },
    { name: 'cover', type: 'upload', relationTo: 'media', label: '封面图' },
    { name: 'column', type: 'relationship', relationTo: 'columns', label: '栏目', required: true, index: true },
    { name: 'tags', type: 'text', hasMany: true, label: '标签' },
    {
      name: 'byline',
      type: 'group',
      label: '署名',
      fields: [
        { name: 'writer', type: 'text', label: '撰稿' },
        { name: 'photographer', type: 'text', label: '摄影' },
      ],
    },
    { name: 'source', type: 'text', label: '来源', defaultValue: '湖西县人民法院' },
    // /news/archive/ is the portal's month index (site/src/utils/paths.ts archiveIndexPath).
    slugField('title', ['archive']),
    publishedAtField,
    ...workflowFields,
    importNotesField,
    minorPhotosField,
    createdByField,
  ],
}
