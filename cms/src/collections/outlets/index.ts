import type { CollectionConfig } from 'payload'

import { admins, anyone, signedIn, siteManagers } from '../../access'
import { linkField } from '../../fields/url'
import { rebuildSiteOnChange, rebuildSiteOnDelete } from '../../siteBuild/hooks'
import { rescoreOutlet } from './hooks/rescoreOutlet'
import { outletLevels } from '../../outsideMedia/levels'

/** 媒体与简报: where the office sends its stories. Names and levels are public (the 媒体聚焦 page shows them). */
export const Outlets: CollectionConfig = {
  slug: 'outlets',
  labels: { singular: '媒体与简报', plural: '媒体与简报' },
  access: { read: anyone, create: siteManagers, update: siteManagers, delete: admins },
  admin: {
    group: '外宣',
    useAsTitle: 'name',
    defaultColumns: ['name', 'level', 'kind', 'contact'],
    description: '报送稿件的媒体和信息简报，如新华网、人民法院报、省高院信息简报。',
  },
  defaultSort: 'name',
  hooks: {
    // A new level changes what this outlet's adopted and published records are worth.
    afterChange: [rescoreOutlet, rebuildSiteOnChange],
    afterDelete: [rebuildSiteOnDelete],
  },
  fields: [
    { name: 'name', type: 'text', label: '名称', required: true, unique: true },
    { name: 'level', type: 'select', label: '级别', required: true, options: [...outletLevels] },
    {
      name: 'kind',
      type: 'select',
      label: '类型',
      required: true,
      defaultValue: 'media',
      options: [
        { label: '媒体', value: 'media' },
        { label: '简报', value: 'bulletin' },
      ],
    },
    linkField('web', { name: 'website', label: '网址' }),
    { name: 'contact', type: 'text', label: '联系人及方式', access: { read: signedIn } },
    { name: 'notes', type: 'textarea', label: '备注', access: { read: signedIn } },
  ],
}
