// HTML → the Lexical JSON Payload stores, with Payload's own converter and the field's own editor
// features, so the result is exactly what the admin editor would save.
import { convertHTMLToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { Window } from 'happy-dom'
import type { Payload, RichTextField } from 'payload'

import type { LexicalDocument } from '../seed/lexical'

/** The converter asks for a JSDOM-like constructor; happy-dom (already Lexical's headless DOM) stands in. */
function domFactory() {
  const windows: Window[] = []
  class HappyDom {
    window: { document: Document }
    constructor(html: string) {
      const window = new Window()
      window.document.body.innerHTML = html
      windows.push(window)
      // happy-dom implements the DOM the converter walks; its classes are its own, not lib.dom's.
      this.window = window as unknown as { document: Document }
    }
  }
  return { HappyDom, close: () => Promise.all(windows.map((window) => window.happyDOM.close())) }
}

type Node = { type?: string; value?: unknown; children?: Node[] }

export async function htmlToLexical({
  payload,
  collection,
  field,
  html,
  mediaIds,
}: {
  payload: Payload
  collection: 'news'
  field: string
  html: string
  /** The ids of the media the HTML points at, as the database types them. */
  mediaIds: (number | string)[]
}): Promise<LexicalDocument> {
  const richText = payload.collections[collection].config.flattenedFields.find((f) => f.name === field)
  if (richText?.type !== 'richText') throw new Error(`${collection}.${field} is not a rich-text field`)
  const editorConfig = editorConfigFactory.fromField({ field: richText as RichTextField })

  const { HappyDom, close } = domFactory()
  try {
    const state = convertHTMLToLexical({ editorConfig, html, JSDOM: HappyDom })
    // The converter reads ids from HTML attributes, so they come out as strings.
    const byText = new Map(mediaIds.map((id) => [String(id), id]))
    const visit = (node: Node) => {
      if (node.type === 'upload' && byText.has(String(node.value))) node.value = byText.get(String(node.value))
      node.children?.forEach(visit)
    }
    visit(state.root as Node)
    return state as unknown as LexicalDocument
  } finally {
    await close()
  }
}
