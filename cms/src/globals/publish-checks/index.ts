import type { GlobalConfig } from 'payload'

import { admins, staff } from '../../access'

/** The lists the pre-publish checks use; the defaults are loaded by the seed. */
export const PublishChecks: GlobalConfig = {
  slug: 'publish-checks',
  label: '发布检查',
  access: { read: staff, update: admins },
  admin: { group: '系统', description: '发布前检查所用的禁用词、易错词、允许公开的号码和允许公开的姓名。' },
  fields: [
    {
      name: 'bannedWords',
      type: 'array',
      label: '禁用词',
      labels: { singular: '禁用词', plural: '禁用词' },
      admin: { description: '稿件中出现这些词时不能发布。' },
      fields: [
        { name: 'word', type: 'text', label: '词语', required: true },
        { name: 'note', type: 'text', label: '说明' },
      ],
    },
    {
      name: 'correctionPairs',
      type: 'array',
      label: '易错词',
      labels: { singular: '易错词', plural: '易错词' },
      admin: { description: '错误写法及其正确写法，如“扫黑险恶 → 扫黑除恶”。' },
      fields: [
        { name: 'wrong', type: 'text', label: '错误写法', required: true },
        { name: 'right', type: 'text', label: '正确写法', required: true },
      ],
    },
    {
      name: 'allowedNumbers',
      type: 'array',
      label: '允许公开的号码',
      labels: { singular: '号码', plural: '号码' },
      admin: { description: '可以出现在稿件中的电话或号码，如法院公开的诉讼服务热线。' },
      fields: [
        { name: 'number', type: 'text', label: '号码', required: true },
        { name: 'note', type: 'text', label: '说明' },
      ],
    },
    {
      name: 'allowedNames',
      type: 'array',
      label: '允许公开的姓名',
      labels: { singular: '姓名', plural: '姓名' },
      admin: { description: '当事人隐名检查放行的姓名，如受表彰的模范法官、经本人同意公开的先进人物。请写全名。' },
      fields: [
        { name: 'name', type: 'text', label: '姓名', required: true },
        { name: 'note', type: 'text', label: '说明' },
      ],
    },
  ],
}
