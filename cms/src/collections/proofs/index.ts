import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { hasRole, staff } from '../../access'
import { createdByField } from '../../fields/createdBy'
import { mediaDir } from '../media'

/** 刊用证明: a PDF or photo of the printed page, screenshot of the web page. Internal, staff only. */
export const Proofs: CollectionConfig = {
  slug: 'proofs',
  labels: { singular: '刊用证明', plural: '刊用证明' },
  access: { read: staff, create: staff, update: staff, delete: hasRole('editor', 'approver', 'admin') },
  admin: { group: '外宣', useAsTitle: 'filename', description: '报刊版面、网页截图等刊用证明（PDF 或图片）。' },
  upload: {
    staticDir: path.join(mediaDir, 'proofs'),
    mimeTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
    // A proof is whatever a newspaper or a stranger sent (a PDF may carry JavaScript): it is
    // always downloaded, never rendered inside the CMS's origin.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Content-Disposition', 'attachment')
      headers.set('X-Content-Type-Options', 'nosniff')
      headers.set('Content-Security-Policy', "default-src 'none'; sandbox")
      return headers
    },
  },
  fields: [{ name: 'description', type: 'text', label: '说明' }, createdByField],
}
