import type { CollectionConfig } from 'payload'

import { admins, staff } from '../../access'
import { outletLevels } from '../outlets/levels'

/** 积分规则: the year's assessment rules for outside-media work, one document per year. */
export const ScoringRules: CollectionConfig = {
  slug: 'scoring-rules',
  labels: { singular: '积分规则', plural: '积分规则' },
  access: { read: staff, create: admins, update: admins, delete: admins },
  admin: {
    group: '外宣',
    useAsTitle: 'year',
    defaultColumns: ['year', 'instructionBonus', 'updatedAt'],
    description: '每年的外宣考核计分办法：按媒体级别和采用情况计分，领导批示另加分。',
  },
  defaultSort: '-year',
  fields: [
    { name: 'year', type: 'number', label: '年度', required: true, unique: true, min: 2000, max: 2100 },
    {
      name: 'rules',
      type: 'array',
      label: '计分标准',
      labels: { singular: '标准', plural: '标准' },
      fields: [
        { name: 'level', type: 'select', label: '级别', required: true, options: [...outletLevels] },
        {
          name: 'outcome',
          type: 'select',
          label: '采用情况',
          required: true,
          options: [
            { label: '已采用', value: 'adopted' },
            { label: '已刊发', value: 'published' },
          ],
        },
        { name: 'points', type: 'number', label: '分值', required: true, min: 0 },
      ],
    },
    { name: 'instructionBonus', type: 'number', label: '领导批示加分', defaultValue: 0, min: 0 },
    { name: 'notes', type: 'textarea', label: '说明' },
  ],
}
