import type { CollectionConfig } from 'payload'

import { admins, staff } from '../../access'
import { outletLevels } from '../../outsideMedia/levels'
import { duplicateRules } from '../../outsideMedia/points'
import { rescoreChangedYears, rescoreDeletedYear } from './hooks/rescoreYear'

const levelLabels = Object.fromEntries(outletLevels.map(({ label, value }) => [value, label]))
const outcomeLabels: Record<string, string> = { adopted: '已采用', published: '已刊发' }

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
  hooks: {
    // Editing a year's rules re-scores that year's 外宣报送 records.
    afterChange: [rescoreChangedYears],
    afterDelete: [rescoreDeletedYear],
  },
  fields: [
    { name: 'year', type: 'number', label: '年度', required: true, unique: true, min: 2000, max: 2100 },
    {
      name: 'rules',
      type: 'array',
      label: '计分标准',
      labels: { singular: '标准', plural: '标准' },
      admin: {
        description: '每个级别的“已采用”“已刊发”各设一条。某级别只设“已采用”时，刊发也按采用计分；未设的级别不计分。',
      },
      validate: (value: unknown) => {
        const repeated = duplicateRules(Array.isArray(value) ? value : [])
        if (!repeated.length) return true
        const names = repeated.map((key) => {
          const [level, outcome] = key.split('/')
          return `${levelLabels[level] ?? level}·${outcomeLabels[outcome] ?? outcome}`
        })
        return `同一级别、同一采用情况只能设一条标准，重复的有：${names.join('、')}。`
      },
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
