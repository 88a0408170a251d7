import type { Field, GlobalConfig } from 'payload'

import { admins, anyone } from '../../access'
import { linkField, type LinkKind, phoneField } from '../../fields/url'
import { rebuildSiteOnGlobalChange } from '../../siteBuild/hooks'

const urlField = (kind: LinkKind, name: string, label: string, description: string): Field => linkField(kind, { name, label, admin: { description } })

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: '站点设置',
  access: { read: anyone, update: admins },
  hooks: { afterChange: [rebuildSiteOnGlobalChange] },
  admin: { group: '系统', description: '门户页头、页脚显示的法院标识、联系方式、备案信息与诉讼服务链接。' },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: '名称与标识',
          fields: [
            { name: 'courtName', type: 'text', label: '法院名称', required: true, defaultValue: '湖西县人民法院' },
            { name: 'siteTitle', type: 'text', label: '网站名称', required: true, defaultValue: '湖西县人民法院 · 六善法院' },
            {
              name: 'emblem',
              type: 'upload',
              relationTo: 'media',
              label: '院徽/标志图片',
              admin: { description: '显示在页头法院名称旁，并用作浏览器标签图标和手机桌面图标。请上传正方形 PNG 图片（至少 512×512 像素）；国徽图案须按规定使用。' },
            },
            {
              name: 'govMark',
              type: 'group',
              label: '党政机关网站标识',
              admin: { description: '页脚的“党政机关”标识图片及其链接（开办单位核发的标识查询地址）。' },
              fields: [
                { name: 'image', type: 'upload', relationTo: 'media', label: '标识图片' },
                urlField('web', 'url', '标识链接', '完整网址，如 https://bszs.conac.cn/ 上本网站的查询页。'),
              ],
            },
          ],
        },
        {
          label: '主办与联系',
          fields: [
            { name: 'sponsor', type: 'text', label: '主办单位' },
            { name: 'address', type: 'text', label: '地址' },
            { name: 'postcode', type: 'text', label: '邮政编码' },
            phoneField({ name: 'phone', label: '联系电话' }),
            { name: 'email', type: 'email', label: '电子邮箱' },
            { name: 'contactNote', type: 'textarea', label: '联系我们说明', admin: { description: '如接待时间、来访须知，显示在“联系我们”。' } },
            { name: 'copyright', type: 'text', label: '版权声明', admin: { description: '如“版权所有 © 湖西县人民法院”。留空时按法院名称生成。' } },
          ],
        },
        {
          label: '备案信息',
          fields: [
            { name: 'icp', type: 'text', label: 'ICP备案号', admin: { description: '页脚显示，并链接到工业和信息化部备案查询网站 beian.miit.gov.cn。' } },
            { name: 'publicSecurityRecord', type: 'text', label: '公安备案号', admin: { description: '页脚显示，并链接到全国互联网安全管理服务平台 beian.mps.gov.cn。' } },
            { name: 'siteCode', type: 'text', label: '网站标识码' },
          ],
        },
        {
          label: '诉讼服务',
          fields: [
            {
              name: 'litigationLinks',
              type: 'array',
              label: '诉讼服务链接',
              labels: { singular: '链接', plural: '诉讼服务链接' },
              admin: { description: '门户“诉讼服务”页面与首页板块显示的链接，如 12368 诉讼服务热线、网上立案、诉讼指南、裁判文书公开、庭审公开。站外链接自动标明“站外”。' },
              fields: [
                { name: 'label', type: 'text', label: '名称', required: true },
                urlField('anyLink', 'url', '网址', '站内路径（如 /about/）、完整网址，或电话（tel:12368）。'),
                { name: 'note', type: 'text', label: '说明' },
              ],
            },
          ],
        },
      ],
    },
  ],
}
