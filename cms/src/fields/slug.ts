import type { CollectionSlug, Field, FieldHook } from 'payload'

import { slugify } from './slugify'

/**
 * Picks the first free slug among base, base-2, base-3 … for the collection.
 * `exists` is injected so the rule can be unit-tested without a database.
 */
export async function firstFreeSlug(base: string, exists: (slug: string) => Promise<boolean>): Promise<string> {
  let candidate = base
  for (let n = 2; await exists(candidate); n++) candidate = `${base}-${n}`
  return candidate
}

const fallbackSlug = () => `item-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`

/**
 * The slug is fixed when a document is created and never follows later title edits, so
 * published URLs stay valid. An editor may still type a new slug on purpose.
 */
const generateSlug =
  (sourceField: string, reserved: readonly string[]): FieldHook =>
  async ({ value, data, operation, originalDoc, req, collection }) => {
    const typed = typeof value === 'string' ? slugify(value) : ''
    if (operation === 'update' && !typed) return originalDoc?.slug
    if (operation === 'update' && typed === originalDoc?.slug) return typed
    const base = typed || slugify(String(data?.[sourceField] ?? '')) || fallbackSlug()
    if (!collection) return base
    return firstFreeSlug(base, async (slug) => {
      if (reserved.includes(slug)) return true
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: { and: [{ slug: { equals: slug } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
        overrideAccess: true,
        req,
      })
      return totalDocs > 0
    })
  }

/** `reserved`: slugs that the portal uses for pages of its own beside the items' pages. */
export const slugField = (sourceField = 'title', reserved: readonly string[] = []): Field => ({
  name: 'slug',
  type: 'text',
  label: '网址标识',
  index: true,
  unique: true,
  admin: {
    position: 'sidebar',
    description: '由标题自动生成的拼音网址，创建后保持不变；如需修改请直接填写（仅限小写字母、数字和连字符）。',
  },
  hooks: { beforeValidate: [generateSlug(sourceField, reserved)] },
})
