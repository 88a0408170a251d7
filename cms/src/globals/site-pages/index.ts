import type { GlobalConfig } from 'payload'

import { anyone, siteManagers } from '../../access'
import { rebuildSiteOnGlobalChange } from '../../siteBuild/hooks'

/**
 * The portal's standing pages (法院概况, 诉讼指南, 六善文化). Institutional text that changes rarely, kept
 * by the same people as the menu and columns; like them it does not go through 三审.
 */
export const SitePages: GlobalConfig = {
  slug: 'site-pages',
  label: '门户页面',
  access: { read: anyone, update: siteManagers },
  hooks: { afterChange: [rebuildSiteOnGlobalChange] },
  admin: { group: '系统', description: '门户“法院概况”“六善文化”“诉讼指南”三部分固定内容的正文。保存后门户自动更新（不经三审，请谨慎修改）。' },
  fields: [
    { name: 'aboutIntro', type: 'textarea', label: '法院概况：导语' },
    { name: 'about', type: 'richText', label: '法院概况：正文' },
    { name: 'guideIntro', type: 'textarea', label: '诉讼指南：导语' },
    { name: 'guide', type: 'richText', label: '诉讼指南：正文', admin: { description: '显示在门户“诉讼服务”页面的链接下方。' } },
    { name: 'cultureIntro', type: 'textarea', label: '六善文化：导语' },
    { name: 'culture', type: 'richText', label: '六善文化：正文' },
  ],
}
