import type { GlobalConfig } from 'payload'

import { admins, anyone } from '../../access'
import { phoneField } from '../../fields/url'
import { rebuildSiteOnGlobalChange } from '../../siteBuild/hooks'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: '站点设置',
  access: { read: anyone, update: admins },
  hooks: { afterChange: [rebuildSiteOnGlobalChange] },
  admin: { group: '系统', description: '门户页脚显示的法院信息与备案信息。' },
  fields: [
    { name: 'courtName', type: 'text', label: '法院名称', required: true, defaultValue: '湖西县人民法院' },
    { name: 'siteTitle', type: 'text', label: '网站名称', required: true, defaultValue: '湖西县人民法院 · 六善法院' },
    { name: 'address', type: 'text', label: '地址' },
    phoneField({ name: 'phone', label: '联系电话' }),
    { name: 'icp', type: 'text', label: 'ICP备案号' },
    { name: 'publicSecurityRecord', type: 'text', label: '公安备案号' },
    { name: 'siteCode', type: 'text', label: '网站标识码' },
    { name: 'sponsor', type: 'text', label: '主办单位' },
  ],
}
