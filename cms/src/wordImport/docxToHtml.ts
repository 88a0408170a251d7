// Word → HTML with mammoth: structure (headings, lists, tables, bold/italic), not looks.
import mammoth from 'mammoth'

import { DocxRefused } from './readPackage'
import { refusals, warnings } from './messages'

/** An image embedded in the document, in reading order; the HTML holds `<img data-import-image="n">`. */
export type EmbeddedImage = { n: number; contentType: string; data: Buffer; altText: string | undefined }

export const titleClass = 'docx-title'

/**
 * Word keeps built-in style names in English whatever the display language ("Title", "heading 1");
 * documents from other editors (WPS, older templates) may carry Chinese names.
 */
const styleMap = [
  `p[style-name='Title'] => h1.${titleClass}:fresh`,
  `p[style-name='title'] => h1.${titleClass}:fresh`,
  `p[style-name='标题'] => h1.${titleClass}:fresh`,
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='副标题'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='标题 ${level}'] => h${level}:fresh`),
]

export async function docxToHtml(bytes: Buffer): Promise<{ html: string; images: EmbeddedImage[]; warnings: string[] }> {
  const images: EmbeddedImage[] = []
  const convertImage = mammoth.images.imgElement(async (image) => {
    const n = images.length + 1
    images.push({
      n,
      contentType: image.contentType,
      data: await image.readAsBuffer(),
      // mammoth reads the picture's 替代文字 (descr, else title); its typings leave it out.
      altText: (image as { altText?: string }).altText?.trim() || undefined,
    })
    const attributes = { src: '', 'data-import-image': String(n) }
    return attributes
  })

  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>
  try {
    result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap, convertImage, ignoreEmptyParagraphs: true })
  } catch {
    // A package whose parts do not parse (broken XML, a missing part the document points to).
    throw new DocxRefused(refusals.corrupt)
  }
  // mammoth's messages are English and mostly about styles it maps to plain paragraphs, which is
  // what we want; only content it had to leave out is worth telling the editor.
  // Formulas (m:…) are named by contentWarnings already.
  const unknown = result.messages.some((message) => /^An unrecognised element was ignored: (?!m:)/.test(message.message))
  return { html: result.value, images, warnings: unknown ? [warnings.unknownElements] : [] }
}
