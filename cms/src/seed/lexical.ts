import type { News } from '../payload-types'

export type LexicalDocument = NonNullable<News['body']>

const base = { format: '' as const, indent: 0, version: 1, direction: 'ltr' as const }

const textNode = (text: string) => ({ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })

/** Plain paragraphs (and "## " headings) as a Lexical document, the shape the admin editor saves. */
export function paragraphsToLexical(paragraphs: string[]): LexicalDocument {
  const children = paragraphs.map((paragraph) =>
    paragraph.startsWith('## ')
      ? { ...base, type: 'heading', tag: 'h2', children: [textNode(paragraph.slice(3).trim())] }
      : { ...base, type: 'paragraph', textFormat: 0, textStyle: '', children: [textNode(paragraph)] },
  )
  return { root: { ...base, type: 'root', children } }
}
