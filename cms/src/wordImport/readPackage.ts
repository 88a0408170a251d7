// Is this file a Word document we can read? Decided from its bytes, never from its name. The
// package is unpacked with a hard budget on the bytes it really inflates to: the sizes a zip
// declares are not trusted (a 200 KB file can declare 1 KB and inflate to 200 MB).
import { Unzip, UnzipInflate, type UnzipFile, zipSync } from 'fflate'

import { MAX_DOCUMENT_XML_BYTES, MAX_DOCX_BYTES, MAX_PARAGRAPHS, MAX_UNPACKED_BYTES, refusals, warnings } from './messages'

/** A refusal: the file cannot be imported, and nothing was saved. */
export class DocxRefused extends Error {}

/** Local file header of a zip (.docx is a zip package). */
const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04])
/** End of central directory record: a zip cut short has none. */
const endOfDirectorySignature = Buffer.from([0x50, 0x4b, 0x05, 0x06])
/**
 * OLE compound file (CFB): legacy .doc, and every password-protected Office file, which Office
 * wraps in a compound file whatever its extension.
 */
const compoundFileSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

export type DocxPackage = {
  documentXml: string
  hasComments: boolean
  /**
   * The same parts, re-packed uncompressed: what the converter reads, so it never inflates
   * anything this check has not measured.
   */
  docx: Uint8Array
}

/** Compressed bytes fed to the inflater at a time: bounds what one step can inflate to (~1000×). */
const feedBytes = 4 * 1024

/** Checks the bytes and opens the package; throws DocxRefused with the Chinese reason. */
export function readDocxPackage(bytes: Uint8Array | undefined): DocxPackage {
  if (!bytes || bytes.length === 0) throw new DocxRefused(refusals.empty)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer.length > MAX_DOCX_BYTES) throw new DocxRefused(refusals.tooLarge)
  if (buffer.subarray(0, 8).equals(compoundFileSignature)) throw new DocxRefused(refusals.encrypted)
  if (!buffer.subarray(0, 4).equals(zipSignature)) throw new DocxRefused(refusals.notDocx)
  // The record sits in the last 22 bytes plus at most a 64 KB comment.
  if (buffer.subarray(Math.max(0, buffer.length - 22 - 0xffff)).indexOf(endOfDirectorySignature) === -1) {
    throw new DocxRefused(refusals.corrupt)
  }

  const parts = unpack(buffer)
  const document = parts['word/document.xml']
  if (!document) throw new DocxRefused(refusals.notDocx)
  const documentXml = Buffer.from(document).toString('utf8')
  if (countParagraphs(documentXml) > MAX_PARAGRAPHS) throw new DocxRefused(refusals.tooManyParagraphs)
  return {
    documentXml,
    hasComments: 'word/comments.xml' in parts,
    docx: zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { level: 0 }]]))),
  }
}

/** Every part of the package, inflated, within the byte budgets; DocxRefused otherwise. */
function unpack(bytes: Buffer): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = {}
  let total = 0
  let refusal: string | undefined
  let broken = false
  const open: UnzipFile[] = []

  const unzip = new Unzip((file) => {
    if (refusal || broken) return
    // Two entries of one name: the package is not what Word writes.
    if (file.name in parts || file.name.endsWith('/')) {
      if (file.name.endsWith('/')) return
      broken = true
      return
    }
    const chunks: Uint8Array[] = []
    let size = 0
    const limit = file.name === 'word/document.xml' ? MAX_DOCUMENT_XML_BYTES : MAX_UNPACKED_BYTES
    file.ondata = (error, chunk, final) => {
      if (refusal || broken) return
      if (error) {
        broken = true
        return
      }
      size += chunk.length
      total += chunk.length
      if (size > limit || total > MAX_UNPACKED_BYTES) {
        refusal = file.name === 'word/document.xml' && size > limit ? refusals.documentTooLarge : refusals.unpackedTooLarge
        file.terminate()
        return
      }
      chunks.push(chunk)
      if (final) parts[file.name] = Buffer.concat(chunks)
    }
    open.push(file)
    file.start()
  })
  unzip.register(UnzipInflate)

  try {
    for (let offset = 0; offset < bytes.length && !refusal && !broken; offset += feedBytes) {
      const end = Math.min(bytes.length, offset + feedBytes)
      unzip.push(bytes.subarray(offset, end), end === bytes.length)
    }
  } catch {
    broken = true
  }
  if (refusal) throw new DocxRefused(refusal)
  if (broken || open.some((file) => !(file.name in parts) && !file.name.endsWith('/'))) throw new DocxRefused(refusals.corrupt)
  return parts
}

/** Word paragraphs (<w:p> and <w:p …>, not <w:pPr> and the like). */
function countParagraphs(xml: string): number {
  return xml.match(/<w:p[\s>/]/g)?.length ?? 0
}

/** What the document holds that the import changes or leaves out, from its XML. */
export function contentWarnings({ documentXml, hasComments }: Pick<DocxPackage, 'documentXml' | 'hasComments'>): string[] {
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
