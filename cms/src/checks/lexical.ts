// Reading Lexical rich text (as Payload stores it) for the checks: its paragraphs, images and links.
import { type Id, idOf } from '../relations'
import type { Segment } from './problem'

export type { Id }

/** An image placed in the document, by media id. */
export type ImageRef = { id: Id; where: string }

/** A link or embedded reference to a page or document; `text` is what the reader clicks. */
export type LinkRef = { where: string; text: string } & (
  | { kind: 'doc'; relationTo: string; id: Id }
  | { kind: 'url'; url: string }
  | { kind: 'none' }
)

export type RichTextContent = { paragraphs: Segment[]; images: ImageRef[]; links: LinkRef[] }

type LexicalNode = {
  type?: string
  text?: string
  children?: LexicalNode[]
  fields?: { linkType?: string; url?: string; doc?: { relationTo?: string; value?: unknown } | null }
  relationTo?: string
  value?: unknown
}

/** Nodes that only hold blocks; every other element is a block whose text is one paragraph. */
const containers = new Set(['root', 'list', 'table', 'tablerow'])
/** Nodes that start a new paragraph (or are not text at all) when met inside a paragraph. */
const blocks = new Set([...containers, 'paragraph', 'heading', 'quote', 'listitem', 'tablecell', 'upload', 'relationship', 'horizontalrule', 'block'])

/**
 * The text of a rich-text field as numbered paragraphs (`正文第3段`), counting only paragraphs
 * that have text, as an editor counts them; with its images (`正文第1张图片`) and links.
 */
export function readRichText(value: unknown, label: string): RichTextContent {
  const content: RichTextContent = { paragraphs: [], images: [], links: [] }
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return content
  let paragraph = 0

  const visit = (node: LexicalNode) => {
    if (node.type === 'upload') {
      const id = idOf(node.value)
      if (node.relationTo === 'media' && id !== undefined) {
        content.images.push({ id, where: `${label}第${content.images.length + 1}张图片` })
      }
    } else if (node.type === 'relationship') {
      const id = idOf(node.value)
      if (node.relationTo && id !== undefined) {
        content.links.push({ kind: 'doc', relationTo: node.relationTo, id, text: '', where: `${label}中嵌入的引用` })
      }
    } else if (containers.has(node.type ?? '')) {
      node.children?.forEach(visit)
    } else if (Array.isArray(node.children)) {
      readBlock(node)
    }
  }

  const readBlock = (block: LexicalNode) => {
    const parts: string[] = []
    const links: { fields: NonNullable<LexicalNode['fields']>; text: string }[] = []
    const nested: LexicalNode[] = []
    const readInline = (node: LexicalNode) => {
      for (const child of node.children ?? []) {
        if (child.type === 'text') parts.push(child.text ?? '')
        else if (child.type === 'linebreak') parts.push('\n')
        else if (child.type === 'tab') parts.push('\t')
        else if (blocks.has(child.type ?? '')) nested.push(child)
        else if (Array.isArray(child.children)) {
          // Inline elements: links, and whatever else wraps text.
          const from = parts.length
          readInline(child)
          if (child.type === 'link' || child.type === 'autolink') {
            links.push({ fields: child.fields ?? {}, text: parts.slice(from).join('') })
          }
        }
      }
    }
    readInline(block)
    const text = parts.join('')
    if (text.trim()) {
      paragraph += 1
      content.paragraphs.push({ where: `${label}第${paragraph}段`, text })
    }
    const where = text.trim() ? `${label}第${paragraph}段` : label
    for (const { fields, text: linkText } of links) {
      const target = fields.doc ? idOf(fields.doc.value) : undefined
      if (fields.linkType === 'internal' && fields.doc?.relationTo && target !== undefined) {
        content.links.push({ kind: 'doc', relationTo: fields.doc.relationTo, id: target, text: linkText, where })
      } else if (fields.linkType === 'internal') {
        content.links.push({ kind: 'none', text: linkText, where })
      } else if (fields.url) {
        content.links.push({ kind: 'url', url: fields.url, text: linkText, where })
      }
    }
    nested.forEach(visit)
  }

  visit(root)
  return content
}
