// The part of a Word import that only reads the file: package checks, Word → HTML, the title
// taken out and the body shaped. It touches no database, so it can run in a worker thread
// (convertInWorker) and a long document never holds up other people's requests.
import { docxToHtml, type EmbeddedImage } from './docxToHtml'
import { formattedTitle } from './formattedTitle'
import { contentWarnings, readDocxPackage } from './readPackage'
import { parseHtml, plainText, takeTitle, tidyBody } from './shapeBody'

export type ConvertedDocx = {
  /** Undefined when the document has no title the import can recognise. */
  title: string | undefined
  /** The body's HTML; images are `<img data-import-image="n">`, n pointing into `images`. */
  html: string
  images: EmbeddedImage[]
  hasText: boolean
  tables: number
  footnotes: boolean
  /** What the document holds that the import changed or left out. */
  warnings: string[]
}

export async function convertDocx(bytes: Uint8Array | undefined): Promise<ConvertedDocx> {
  const pkg = readDocxPackage(bytes)
  const converted = await docxToHtml(Buffer.from(pkg.docx))
  const { document, close } = parseHtml(converted.html)
  try {
    const hasText = Boolean(plainText(document))
    const title = takeTitle(document, formattedTitle(pkg.documentXml))
    const { tables, footnotes } = tidyBody(document)
    return {
      title,
      html: document.body.innerHTML,
      images: converted.images,
      hasText,
      tables,
      footnotes,
      warnings: [...contentWarnings(pkg), ...converted.warnings],
    }
  } finally {
    await close()
  }
}
