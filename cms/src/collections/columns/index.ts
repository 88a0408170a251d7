import type { CollectionConfig } from 'payload'

import { admins, anyone, siteManagers } from '../../access'
import { slugField } from '../../fields/slug'
import { rebuildSiteOnChange, rebuildSiteOnDelete } from '../../siteBuild/hooks'

export const Columns: CollectionConfig = {
  slug: 'columns',
  labels: { singular: '栏目', plural: '栏目' },
  access: { read: anyone, create: siteManagers, update: siteManagers, delete: admins },
  hooks: { afterChange: [rebuildSiteOnChange], afterDelete: [rebuildSiteOnDelete] },
  admin: {
    group: '基础数据',
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'order', 'parent'],
    description: '门户网站的栏目，如六善文化、审判动态、媒体聚焦。',
  },
  defaultSort: 'order',
  // What an item's 栏目 shows when populated (depth ≥ 1, rich-text mentions, navigation): the portal
  // reads only its name and URL (site/src/loaders/mappers.ts `ref`, richText.ts). The rest is read
  // from /api/columns itself, so each of an editor's list pages no longer carries it for every item.
  defaultPopulate: { title: true, slug: true },
  fields: [
    { name: 'title', type: 'text', label: '栏目名称', required: true, unique: true },
    { name: 'description', type: 'textarea', label: '栏目简介' },
    { name: 'order', type: 'number', label: '排序', defaultValue: 100, admin: { description: '数字越小越靠前' } },
    { name: 'parent', type: 'relationship', relationTo: 'columns', label: '上级栏目' },
    {
      name: 'updateCycleDays',
      type: 'number',
      label: '更新周期（天）',
      defaultValue: 180,
      min: 1,
      admin: { description: '超过这个天数没有新稿件，仪表盘会提示栏目“不更新”。动态类栏目一般为 14 天。' },
    },
    slugField(),
  ],
}
