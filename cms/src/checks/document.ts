// Everything in a document that readers will see, found by walking its collection's fields.
import type { Field } from 'payload'
import { fieldIsHiddenOrDisabled, fieldIsVirtual, tabHasName } from 'payload/shared'

import { idOf } from '../relations'
import { type ImageRef, type LinkRef, readRichText, type RichTextContent } from './lexical'
import type { Segment } from './problem'

export type DocumentContent = {
  /** Plain-text fields and rich-text paragraphs, in the order of the form. */
  segments: Segment[]
  images: ImageRef[]
  links: LinkRef[]
  /** Each top-level rich-text field by name, to tell whether a body is empty. */
  richText: Record<string, RichTextContent>
}

/** A Chinese label for people: the field's (or collection's) label, else its name. */
export function labelOf(label: unknown, fallback: string): string {
  if (typeof label === 'string' && label) return label
  if (label && typeof label === 'object') {
    const byLanguage = label as Record<string, unknown>
    const text = byLanguage.zh ?? Object.values(byLanguage).find((v) => typeof v === 'string')
    if (typeof text === 'string' && text) return text
  }
  return fallback
}

type Data = Record<string, unknown> | undefined

/**
 * Walks `fields` over `doc`: text and textarea values become segments named by their label
 * (`标题`, `摘要`, `署名·撰稿`), rich text is read paragraph by paragraph (`正文第3段`), and
 * uploads of the media collection are listed as images (`封面图`, `图片第2张`).
 */
export function readDocument(fields: Field[], doc: Record<string, unknown>): DocumentContent {
  const content: DocumentContent = { segments: [], images: [], links: [], richText: {} }

  const walk = (fields: Field[], data: Data, prefix: string, topLevel: boolean) => {
    for (const field of fields) {
      if (fieldIsVirtual(field) || fieldIsHiddenOrDisabled(field) || ('hidden' in field && field.hidden)) continue
      // The office's own records on the item (the 签发人's photo confirmations) are not shown to readers.
      if ((field.custom as { notContent?: boolean } | undefined)?.notContent) continue
      const name = 'name' in field ? field.name : undefined
      const label = prefix + labelOf('label' in field ? field.label : undefined, name ?? '')
      const value = name ? data?.[name] : undefined
      switch (field.type) {
        case 'text':
        case 'textarea':
        case 'email':
          for (const text of Array.isArray(value) ? value : [value]) {
            if (typeof text === 'string' && text.trim()) content.segments.push({ where: label, text })
          }
          break
        case 'richText': {
          const rich = readRichText(value, label)
          content.segments.push(...rich.paragraphs)
          content.images.push(...rich.images)
          content.links.push(...rich.links)
          if (topLevel && name) content.richText[name] = rich
          break
        }
        case 'upload': {
          if (field.relationTo !== 'media') break
          const ids = (Array.isArray(value) ? value : [value]).map(idOf)
          ids.forEach((id, i) => {
            if (id !== undefined) content.images.push({ id, where: field.hasMany ? `${label}第${i + 1}张` : label })
          })
          break
        }
        case 'group':
          if (name) walk(field.fields, value as Data, `${label}·`, false)
          else walk(field.fields, data, prefix, topLevel)
          break
        case 'row':
        case 'collapsible':
          walk(field.fields, data, prefix, topLevel)
          break
        case 'tabs':
          for (const tab of field.tabs) {
            if (tabHasName(tab)) walk(tab.fields, data?.[tab.name] as Data, `${labelOf(tab.label, tab.name)}·`, false)
            else walk(tab.fields, data, prefix, topLevel)
          }
          break
        case 'array':
          if (Array.isArray(value)) {
            value.forEach((row, i) => walk(field.fields, row as Data, `${label}第${i + 1}项·`, false))
          }
          break
        case 'blocks':
          if (Array.isArray(value)) {
            value.forEach((row, i) => {
              const block = field.blocks.find((b) => b.slug === (row as { blockType?: string }).blockType)
              if (block) walk(block.fields, row as Data, `${label}第${i + 1}项·`, false)
            })
          }
          break
        default:
          // Dates, numbers, selects, relationships and the like hold no text of the writer's.
          break
      }
    }
  }

  walk(fields, doc, '', true)
  return content
}
