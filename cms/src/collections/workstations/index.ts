import type { CollectionConfig } from 'payload'

import { admins, anyone, siteManagers } from '../../access'
import { photosField } from '../../fields/photos'
import { slugField } from '../../fields/slug'
import { phoneField } from '../../fields/url'
import { rebuildSiteOnChange, rebuildSiteOnDelete } from '../../siteBuild/hooks'

export const Workstations: CollectionConfig = {
  slug: 'workstations',
  labels: { singular: '法官工作站', plural: '法官工作站' },
  access: { read: anyone, create: siteManagers, update: siteManagers, delete: admins },
  hooks: { afterChange: [rebuildSiteOnChange], afterDelete: [rebuildSiteOnDelete] },
  admin: {
    group: '基础数据',
    useAsTitle: 'name',
    defaultColumns: ['name', 'township', 'serviceDays', 'phone'],
    description: '设在各乡镇的法官工作站：驻站法官、服务时间与联系方式。',
  },
  defaultPopulate: { name: true, slug: true, township: true },
  defaultSort: 'township',
  fields: [
    { name: 'name', type: 'text', label: '名称', required: true, unique: true },
    { name: 'township', type: 'text', label: '所在乡镇', required: true, index: true },
    { name: 'address', type: 'text', label: '地址' },
    {
      name: 'coordinates',
      type: 'group',
      label: '坐标（可选）',
      fields: [
        { name: 'latitude', type: 'number', label: '纬度', min: -90, max: 90 },
        { name: 'longitude', type: 'number', label: '经度', min: -180, max: 180 },
      ],
    },
    {
      name: 'judges',
      type: 'array',
      label: '驻站法官',
      labels: { singular: '法官', plural: '法官' },
      fields: [
        { name: 'name', type: 'text', label: '姓名', required: true },
        { name: 'title', type: 'text', label: '职务' },
      ],
    },
    phoneField({ name: 'phone', label: '联系电话' }),
    { name: 'serviceDays', type: 'text', label: '服务时间', admin: { description: '如：每周二、周四上午' } },
    { name: 'foundedAt', type: 'date', label: '设立日期', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } } },
    { name: 'intro', type: 'richText', label: '简介' },
    photosField(),
    slugField('name'),
  ],
}
