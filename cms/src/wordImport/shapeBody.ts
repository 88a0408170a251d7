// Shapes mammoth's HTML into what the news editor holds: the title taken out, headings starting at
// h2 (the page's h1 is the title), tables as paragraphs, images as blocks pointing at media.
import { type Document, type Element, Window } from 'happy-dom'

import { titleClass } from './docxToHtml'

export type HtmlDocument = { document: Document; close: () => Promise<void> }

export function parseHtml(html: string): HtmlDocument {
  const window = new Window()
  window.document.body.innerHTML = html
  return { document: window.document, close: () => window.happyDOM.close() }
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

const headingSelector = 'h1, h2, h3, h4, h5, h6'
const isHeading = (element: Element | null) => Boolean(element && /^H[1-6]$/.test(element.tagName))

/** All the document's text, title included, for telling an empty document from one with content. */
export const plainText = (document: Document) => squash(document.body.textContent)

/**
 * The title: the first "Title"-styled paragraph, else a heading that opens the document, else
 * its opening paragraph when Word formats it as a title (`formatted`, its text, found in the
 * document's XML). It is removed from the body. Undefined when the document has none of these
 * (a heading further down is a section heading, not the title).
 */
export function takeTitle(document: Document, formatted?: string): string | undefined {
  const styled = [...document.querySelectorAll(`h1.${titleClass}`)].find((element) => squash(element.textContent))
  const first = [...document.body.children].find((element) => squash(element.textContent) || element.querySelector('img'))
  const opening = first && formatted && squash(first.textContent) === squash(formatted) ? first : undefined
  const title = styled ?? (isHeading(first ?? null) ? first : opening)
  if (!title) return undefined
  const text = squash(title.textContent)
  title.remove()
  return text
}

export type BodyNotes = { tables: number; footnotes: boolean }

/** Rewrites the body in place; says what it changed that the editor should know about. */
export function tidyBody(document: Document): BodyNotes {
  // Further "Title" paragraphs (a second title line, a sub-title in Title style) stay as headings.
  for (const element of document.querySelectorAll(`.${titleClass}`)) element.removeAttribute('class')

  const footnotes = unwrapNoteLinks(document)
  const tables = flattenTables(document)
  shiftHeadings(document)
  liftImages(document)
  for (const element of document.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6')) {
    if (!squash(element.textContent) && !element.querySelector('img')) element.remove()
  }
  return { tables, footnotes }
}

/**
 * mammoth links note references to the notes it appends (`#footnote-1`) and back (`↑`); in the
 * editor those would be links nowhere. Keep the "[1]" markers and the notes' text, drop the links.
 * Links to bookmarks inside the document (a table of contents) go the same way.
 */
function unwrapNoteLinks(document: Document): boolean {
  let notes = false
  for (const link of document.querySelectorAll('a')) {
    const href = link.getAttribute('href') ?? ''
    if (/^#(footnote|endnote)-ref-/.test(href)) {
      notes = true
      link.remove()
    } else if (/^#(footnote|endnote)-/.test(href)) {
      notes = true
      link.replaceWith(...link.childNodes)
    } else if (!/^(https?:|mailto:)/i.test(href)) {
      link.replaceWith(...link.childNodes)
    }
  }
  for (const element of document.querySelectorAll('[id]')) element.removeAttribute('id')
  return notes
}

/** The editor has no tables: each row becomes a paragraph, cells separated by "｜". */
function flattenTables(document: Document): number {
  const tables = [...document.querySelectorAll('table')].filter((table) => !table.parentElement?.closest('table'))
  for (const table of tables) {
    const rows = [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table)
    const paragraphs = rows.map((row) => {
      const paragraph = document.createElement('p')
      const cells = [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH')
      paragraph.textContent = cells.map((cell) => squash(cell.textContent)).join('｜')
      return paragraph
    })
    // Pictures in cells are kept, after the table's text.
    const images = [...table.querySelectorAll('img')]
    table.replaceWith(...paragraphs, ...images)
  }
  return tables.length
}

/** The body's highest heading becomes h2, the others keep their distance from it. */
function shiftHeadings(document: Document) {
  const headings = [...document.querySelectorAll(headingSelector)]
  if (!headings.length) return
  const top = Math.min(...headings.map((heading) => Number(heading.tagName[1])))
  const shift = 2 - top
  if (shift === 0) return
  for (const heading of headings) {
    const level = Math.min(6, Number(heading.tagName[1]) + shift)
    const replacement = document.createElement(`h${level}`)
    replacement.append(...heading.childNodes)
    heading.replaceWith(replacement)
  }
}

/**
 * An image in the editor is a block of its own, not part of a line of text: each picture moves
 * out of its paragraph (or list, or quote) to just after it, in reading order.
 */
function liftImages(document: Document) {
  for (const block of [...document.body.children]) {
    const images = block.tagName === 'IMG' ? [] : [...block.querySelectorAll('img')]
    if (images.length) block.after(...images)
  }
}

/**
 * Points each image at the media item created for it (the editor's upload node), or removes it
 * when it could not be imported.
 */
export function placeImages(document: Document, mediaIds: Map<number, number | string | null>) {
  for (const image of document.querySelectorAll('img[data-import-image]')) {
    const id = mediaIds.get(Number(image.getAttribute('data-import-image')))
    if (id === null || id === undefined) {
      image.remove()
      continue
    }
    for (const name of [...image.getAttributeNames()]) image.removeAttribute(name)
    image.setAttribute('data-lexical-upload-id', String(id))
    image.setAttribute('data-lexical-upload-relation-to', 'media')
  }
}
