import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionConfig } from 'payload'

import { anyone, hasRole, roleOf, staff } from '../../access'
import { createdByField } from '../../fields/createdBy'
import { rebuildSiteOnChange, rebuildSiteOnDelete } from '../../siteBuild/hooks'
import { refuseBadImages } from './hooks/refuseBadImages'
import { acceptedMimeTypes, MAX_PIXELS } from './imageRules'

const dirname = path.dirname(fileURLToPath(import.meta.url))
export const mediaDir = process.env.MEDIA_DIR ?? path.resolve(dirname, '../../../../media')

const webp = { format: 'webp' as const, options: { quality: 80 } }

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '图片', plural: '图片库' },
  access: {
    read: anyone,
    create: staff,
    update: ({ req }) => {
      const role = roleOf(req.user)
      if (!role) return false
      return role === 'contributor' ? { createdBy: { equals: req.user!.id } } : true
    },
    delete: hasRole('editor', 'approver', 'admin'),
  },
  admin: {
    group: '内容',
    useAsTitle: 'alt',
    // The 编号 first: notes and checks may name an image by it.
    defaultColumns: ['id', 'filename', 'alt', 'credit', 'createdAt'],
    description: '新闻、工作站、活动与家风示范户的照片。上传前请确认已获得当事人同意并已做必要的遮挡。',
  },
  hooks: { beforeOperation: [refuseBadImages], afterChange: [rebuildSiteOnChange], afterDelete: [rebuildSiteOnDelete] },
  upload: {
    staticDir: mediaDir,
    mimeTypes: acceptedMimeTypes,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    // Originals keep their format, so a PNG or WebP keeps its transparency (converting to JPEG
    // painted it black). The non-empty constructor options make Payload still pass every
    // original through sharp: turned upright by its EXIF orientation, metadata (GPS) stripped.
    constructorOptions: { limitInputPixels: MAX_PIXELS },
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre', formatOptions: webp },
      { name: 'card', width: 800, height: 533, position: 'centre', formatOptions: webp },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: webp },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: '替代文字',
      required: true,
      admin: { description: '为视障读者描述图片内容，如“法官在村委会为群众解答法律问题”。' },
    },
    { name: 'caption', type: 'textarea', label: '图片说明' },
    { name: 'credit', type: 'text', label: '摄影' },
    createdByField,
  ],
}
