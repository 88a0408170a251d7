import type { CollectionConfig } from 'payload'

import { admins } from '../../access'

/**
 * One row per lease (`renderer`): which CMS instance runs the portal's render worker, until when.
 * Taken and renewed only by siteBuild/lease.ts in single conditional statements, never over the API.
 */
export const SiteRenderLease: CollectionConfig = {
  slug: 'site-render-lease',
  labels: { singular: '门户渲染租约', plural: '门户渲染租约' },
  access: { read: admins, create: () => false, update: () => false, delete: () => false },
  admin: { hidden: true },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'holder', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true },
  ],
}
