// Is this file a Word document we can read? Decided from its bytes, never from its name.
import JSZip from 'jszip'

import { MAX_DOCX_BYTES, MAX_UNPACKED_BYTES, refusals, warnings } from './messages'

/** A refusal: the file cannot be imported, and nothing was saved. */
export class DocxRefused extends Error {}

/** Local file header of a zip (.docx is a zip package). */
const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04])
/**
 * OLE compound file (CFB): legacy .doc, and every password-protected Office file, which Office
 * wraps in a compound file whatever its extension.
 */
const compoundFileSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

export type DocxPackage = { documentXml: string; hasComments: boolean }

/** Checks the bytes and opens the package; throws DocxRefused with the Chinese reason. */
export async function readDocxPackage(bytes: Buffer | undefined): Promise<DocxPackage> {
  if (!bytes || bytes.length === 0) throw new DocxRefused(refusals.empty)
  if (bytes.length > MAX_DOCX_BYTES) throw new DocxRefused(refusals.tooLarge)
  if (bytes.subarray(0, 8).equals(compoundFileSignature)) throw new DocxRefused(refusals.encrypted)
  if (!bytes.subarray(0, 4).equals(zipSignature)) throw new DocxRefused(refusals.notDocx)

  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new DocxRefused(refusals.corrupt)
  }
  const document = zip.file('word/document.xml')
  if (!document) throw new DocxRefused(refusals.notDocx)
  if (unpackedSize(zip) > MAX_UNPACKED_BYTES) throw new DocxRefused(refusals.unpackedTooLarge)

  try {
    return { documentXml: await document.async('string'), hasComments: zip.file('word/comments.xml') !== null }
  } catch {
    throw new DocxRefused(refusals.corrupt)
  }
}

/**
 * The sizes the zip's central directory declares (JSZip checks each against the data when it
 * inflates it). JSZip keeps them on an internal field; when absent the check is skipped.
 */
function unpackedSize(zip: JSZip): number {
  let total = 0
  zip.forEach((_path, entry) => {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize
    if (typeof size === 'number' && size > 0) total += size
  })
  return total
}

/** What the document holds that the import changes or leaves out, from its XML. */
export function contentWarnings({ documentXml, hasComments }: DocxPackage): string[] {
  const found: string[] = []
  if (documentXml.includes('<w:txbxContent')) found.push(warnings.textBoxes)
  if (hasComments) found.push(warnings.comments)
  if (/<w:(ins|del) /.test(documentXml)) found.push(warnings.trackedChanges)
  const dropped = [
    ['<m:oMath', '公式'],
    ['drawingml/2006/chart', '图表'],
    ['drawingml/2006/diagram', 'SmartArt 图形'],
    ['<o:OLEObject', '嵌入的对象（如 Excel 表格）'],
  ]
    .filter(([marker]) => documentXml.includes(marker))
    .map(([, label]) => label)
  if (dropped.length) found.push(warnings.dropped(dropped))
  return found
}
