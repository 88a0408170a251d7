import type { GlobalConfig } from 'payload'

import { anyone, siteManagers } from '../../access'
import { linkField } from '../../fields/url'
import { rebuildSiteOnGlobalChange } from '../../siteBuild/hooks'

export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: '导航菜单',
  access: { read: anyone, update: siteManagers },
  hooks: { afterChange: [rebuildSiteOnGlobalChange] },
  admin: { group: '系统', description: '门户顶部导航的顺序与名称。' },
  fields: [
    {
      name: 'items',
      type: 'array',
      label: '导航项',
      labels: { singular: '导航项', plural: '导航项' },
      fields: [
        { name: 'label', type: 'text', label: '名称', required: true },
        { name: 'column', type: 'relationship', relationTo: 'columns', label: '指向栏目' },
        linkField('page', { name: 'url', label: '或网址', admin: { description: '站内路径（如 /workstations）或完整网址；选择了栏目时可不填。' } }),
      ],
    },
  ],
}
