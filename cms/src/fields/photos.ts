import type { Field } from 'payload'

export const photosField = (label = '图片'): Field => ({
  name: 'photos',
  type: 'upload',
  relationTo: 'media',
  hasMany: true,
  label,
})
