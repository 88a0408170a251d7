// Lexical rich text (as Payload stores it) → .docx paragraphs in the 公文 styles of ./layout.
// Headings: lexical h1/h2 and paragraphs opening with "一、" are 黑体; h3 and "（一）" are 楷体.
// When such a paragraph runs on after its first sentence ("（一）强化引领。本院……"), only that
// sentence takes the heading face and the rest stays 仿宋, as 公文 are written.
import { AlignmentType, type FileChild, Paragraph, type ParagraphChild, TextRun } from 'docx'

import { idOf } from '../relations'
import { fonts, styleIds } from './layout'
import { figure, type Id, type Photo } from './photos'

type LexicalNode = {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  value?: unknown
  checked?: boolean
  relationTo?: string
  children?: LexicalNode[]
}

/** Lexical's text format bits. */
const BOLD = 1
const ITALIC = 2
const STRIKETHROUGH = 4
const UNDERLINE = 8
const SUBSCRIPT = 32
const SUPERSCRIPT = 64

type Inline = { text: string; format: number }

const inlineTypes = new Set(['text', 'linebreak', 'tab', 'link', 'autolink'])
const isInline = (node: LexicalNode) => inlineTypes.has(node.type ?? '')

const rootOf = (doc: unknown): LexicalNode | undefined => (doc as { root?: LexicalNode } | null | undefined)?.root

/** A relation's id, whether Payload left it as an id or populated it. */

/** The media ids of the images placed in the text, in order. */
export function uploadIds(doc: unknown): Id[] {
  const ids: Id[] = []
  const visit = (node: LexicalNode) => {
    if (node.type === 'upload') {
      const id = idOf(node.value)
      if (node.relationTo === 'media' && id !== undefined) ids.push(id)
    }
    node.children?.forEach(visit)
  }
  const root = rootOf(doc)
  if (root) visit(root)
  return ids
}

/** The text without markup, one line per paragraph: for counting characters (字数). */
export function plainText(doc: unknown): string {
  const lines: string[] = []
  const visit = (node: LexicalNode) => {
    if (node.children?.some(isInline)) lines.push(inlinesOf(node).map((inline) => inline.text).join(''))
    node.children?.forEach((child) => !isInline(child) && visit(child))
  }
  const root = rootOf(doc)
  if (root) visit(root)
  return lines.join('\n')
}

/** Text runs of a block, with links and other inline wrappers flattened; nested blocks left out. */
function inlinesOf(node: LexicalNode): Inline[] {
  const inlines: Inline[] = []
  for (const child of node.children ?? []) {
    if (child.type === 'text') inlines.push({ text: child.text ?? '', format: Number(child.format) || 0 })
    else if (child.type === 'linebreak') inlines.push({ text: '\n', format: 0 })
    else if (child.type === 'tab') inlines.push({ text: '\t', format: 0 })
    else if (child.type === 'link' || child.type === 'autolink') inlines.push(...inlinesOf(child))
  }
  return inlines
}

/** Drops the spaces people type to fake an indent: the style indents by two characters already. */
function trimStart(inlines: Inline[]): Inline[] {
  const out = [...inlines]
  while (out.length) {
    const text = out[0].text.replace(/^[\s\u3000]+/, '')
    if (text) {
      out[0] = { ...out[0], text }
      break
    }
    out.shift()
  }
  return out
}

const headingPatterns: [RegExp, 1 | 2][] = [
  [/^[一二三四五六七八九十百]+、/, 1],
  [/^[（(][一二三四五六七八九十百]+[）)]/, 2],
]

/** Splits runs at a character offset. */
function splitAt(inlines: Inline[], offset: number): [Inline[], Inline[]] {
  const head: Inline[] = []
  const tail: Inline[] = []
  let seen = 0
  for (const inline of inlines) {
    const end = seen + inline.text.length
    if (end <= offset) head.push(inline)
    else if (seen >= offset) tail.push(inline)
    else {
      head.push({ ...inline, text: inline.text.slice(0, offset - seen) })
      tail.push({ ...inline, text: inline.text.slice(offset - seen) })
    }
    seen = end
  }
  return [head, tail]
}

type RunFont = { ascii?: string; hAnsi?: string; cs?: string; eastAsia: string }

function runs(inlines: Inline[], font?: RunFont): TextRun[] {
  const out: TextRun[] = []
  for (const { text, format } of inlines) {
    const style = {
      bold: Boolean(format & BOLD) || undefined,
      italics: Boolean(format & ITALIC) || undefined,
      strike: Boolean(format & STRIKETHROUGH) || undefined,
      underline: format & UNDERLINE ? {} : undefined,
      subScript: Boolean(format & SUBSCRIPT) || undefined,
      superScript: Boolean(format & SUPERSCRIPT) || undefined,
      font,
    }
    text.split('\n').forEach((line, index) => {
      if (line || index > 0) out.push(new TextRun({ ...style, text: line, break: index > 0 ? 1 : undefined }))
    })
  }
  return out
}

const alignmentOf = (format: LexicalNode['format']) => {
  if (format === 'center') return AlignmentType.CENTER
  if (format === 'right' || format === 'end') return AlignmentType.RIGHT
  return undefined
}

/** Centred and right-aligned paragraphs are not indented. */
const alignment = (node: LexicalNode) => {
  const value = alignmentOf(node.format)
  return value ? { alignment: value, indent: { firstLine: 0, firstLineChars: 0 } } : {}
}

function textParagraph(node: LexicalNode, prefix = '', extra: Record<string, unknown> = {}): Paragraph | undefined {
  const inlines = trimStart(prefix ? [{ text: prefix, format: 0 }, ...inlinesOf(node)] : inlinesOf(node))
  const text = inlines.map((inline) => inline.text).join('')
  if (!text.trim()) return undefined

  const match = prefix ? undefined : headingPatterns.find(([pattern]) => pattern.test(text))
  if (match) {
    const level = match[1]
    const end = text.search(/[。！？]/)
    if (end === -1 || end === text.length - 1) {
      return new Paragraph({ style: level === 1 ? styleIds.heading1 : styleIds.heading2, children: runs(inlines), ...alignment(node) })
    }
    const [head, tail] = splitAt(inlines, end + 1)
    const headFont = level === 1 ? { ascii: fonts.heading1, hAnsi: fonts.heading1, eastAsia: fonts.heading1 } : { eastAsia: fonts.heading2 }
    return new Paragraph({ style: styleIds.body, children: [...runs(head, headFont), ...runs(tail)], ...alignment(node) })
  }
  return new Paragraph({ style: styleIds.body, children: runs(inlines) as ParagraphChild[], ...alignment(node), ...extra })
}

const circled = (n: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `${n})`)

/** 1.　（1）　① — the 公文 order of numbering below the headings. */
const listPrefix = (listType: string | undefined, level: number, value: number, checked?: boolean) => {
  if (listType === 'check') return checked ? '☑ ' : '□ '
  if (listType !== 'number') return '• '
  return level === 0 ? `${value}.` : level === 1 ? `（${value}）` : circled(value)
}

export type LexicalToDocxOptions = {
  /** Looks up a photo placed in the text; images not found are left out. */
  photo: (id: Id) => Photo | undefined
}

/** The whole rich-text document as paragraphs (text, headings, list items, photos with captions). */
export function lexicalToDocx(doc: unknown, options: LexicalToDocxOptions): FileChild[] {
  const out: FileChild[] = []
  const push = (paragraph: Paragraph | undefined) => paragraph && out.push(paragraph)

  const list = (node: LexicalNode, level: number) => {
    let counter = 0
    for (const item of node.children ?? []) {
      if (item.type !== 'listitem') continue
      const nested = item.children?.filter((child) => child.type === 'list') ?? []
      const hasText = inlinesOf(item).some((inline) => inline.text.trim())
      if (hasText) {
        counter = typeof item.value === 'number' ? item.value : counter + 1
        const indent = { firstLineChars: 200 * (level + 1), firstLine: 640 * (level + 1) }
        push(textParagraph(item, listPrefix(node.listType, level, counter, item.checked), { indent }))
      }
      nested.forEach((child) => list(child, level + 1))
    }
  }

  const block = (node: LexicalNode) => {
    switch (node.type) {
      case 'heading': {
        const inlines = trimStart(inlinesOf(node))
        if (!inlines.some((inline) => inline.text.trim())) return
        const style = node.tag === 'h1' || node.tag === 'h2' ? styleIds.heading1 : node.tag === 'h3' ? styleIds.heading2 : styleIds.body
        out.push(new Paragraph({ style, children: runs(inlines), ...alignment(node) }))
        return
      }
      case 'list':
        return list(node, 0)
      case 'upload': {
        const id = idOf(node.value)
        const photo = node.relationTo === 'media' && id !== undefined ? options.photo(id) : undefined
        if (photo) out.push(...figure(photo))
        return
      }
      case 'horizontalrule':
      case 'relationship':
      case 'block':
        return
      default:
        if (node.children?.length && !node.children.some(isInline)) {
          // A container of blocks (a table, say): its blocks in order.
          node.children.forEach(block)
          return
        }
        push(textParagraph(node))
    }
  }

  rootOf(doc)?.children?.forEach(block)
  return out
}
