// A photo as the package uses it: the original file for the zip, a copy sized for the .docx,
// and the words that go with it.
import { ImageRun, Paragraph } from 'docx'

import { mmToPixels, styleIds, typeAreaWidthMm } from './layout'

export type Id = number | string

export type Photo = {
  id: Id
  /** The stored file, as uploaded (after the upload's own conversion). */
  original: { data: Uint8Array; filename: string; mimeType: string }
  /** The picture placed in the .docx: JPEG or PNG, with its size in pixels. */
  docx: { data: Uint8Array; type: 'jpg' | 'png'; width: number; height: number }
  alt: string
  caption: string
  credit: string
}

/** What is printed under a photo: its caption (or, lacking one, its description). */
export const captionOf = (photo: Pick<Photo, 'alt' | 'caption'>) => photo.caption.trim() || photo.alt.trim()

/** Photos are at most 150 mm wide (inside the 156 mm type area) and 110 mm tall; small ones keep their size. */
const maxWidth = mmToPixels(typeAreaWidthMm - 6)
const maxHeight = mmToPixels(110)

export function displaySize(width: number, height: number) {
  const scale = Math.min(1, maxWidth / width, maxHeight / height)
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** The photo inline, centred, and its caption below: "图为…（摄影 李四）". */
export function figure(photo: Photo): Paragraph[] {
  const caption = captionOf(photo)
  const credit = photo.credit.trim() ? `（摄影 ${photo.credit.trim()}）` : ''
  return [
    new Paragraph({
      style: styleIds.figure,
      children: [
        new ImageRun({
          type: photo.docx.type,
          data: photo.docx.data,
          transformation: displaySize(photo.docx.width, photo.docx.height),
          altText: { name: photo.original.filename, description: photo.alt, title: caption },
        }),
      ],
    }),
    ...(caption || credit ? [new Paragraph({ style: styleIds.caption, text: `${caption}${credit}` })] : []),
  ]
}
