// A Word document becomes one draft news item (and its pictures, media items), created as the
// person importing it: their rights, the 三审 workflow and the media checks all apply. Either all
// of it is saved or none of it.
import fs from 'node:fs/promises'
import path from 'node:path'

import {
  APIError,
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type TypedUser,
} from 'payload'
import sharp from 'sharp'

import { roleOf } from '../access'
import { isPendingAlt, pendingAlt } from '../checks/images'
import { mediaDir } from '../collections/media'
import { foundOrNull } from '../lookup'
import { findImageProblem } from '../collections/media/imageRules'
import type { Media } from '../payload-types'
import { convertInWorker } from './convertInWorker'
import type { EmbeddedImage } from './docxToHtml'
import { htmlToLexical } from './htmlToLexical'
import { readRichText } from '../checks/lexical'
import { refusals, warnings as say } from './messages'
import { DocxRefused } from './readPackage'
import { type HtmlDocument, parseHtml, placeImages } from './shapeBody'

/** The column imports go to when the person does not choose one. */
export const defaultColumnTitle = '审判动态'

export type ImportedImage = { n: number; mediaId: number; altPending: boolean }

/** A note kept on the imported item (its 导入提示 panel), pointing at an image where it is about one. */
export type ImportNote = { text: string; media?: { id: number; name: string } }

/** The longest summary the news collection takes. */
const summaryMax = 300

export type ImportDocxResult = {
  id: number
  title: string
  column: { id: number; title: string }
  images: ImportedImage[]
  warnings: string[]
}

export type ImportDocxArgs = {
  payload: Payload
  /** Who imports; or give `req`, the request they are signed in on. */
  user?: TypedUser | null
  req?: PayloadRequest
  file: Buffer | undefined
  filename: string
  /** 栏目 id; when absent, 审判动态 (or the first column). */
  column?: number | string | null
}

const refuse = (message: string, status = 400) => new APIError(message, status, undefined, true)

export async function importDocx({ payload, user: givenUser, req: givenReq, file, filename, column }: ImportDocxArgs): Promise<ImportDocxResult> {
  const user = givenReq?.user ?? givenUser
  if (!user) throw refuse(refusals.notSignedIn, 401)
  if (!roleOf(user)) throw refuse(refusals.noRole, 403)

  let html: HtmlDocument | undefined
  try {
    // Everything that can refuse the file runs before anything is written, off the event loop.
    const converted = await convertInWorker(file ?? Buffer.alloc(0))
    if (!converted.hasText && !converted.images.length) throw refuse(refusals.noText)
    const notes: (string | ImportNote)[] = []
    const title = titleFor(payload, converted.title, filename, notes)
    if (converted.tables) notes.push(say.tables(converted.tables))
    if (converted.footnotes) notes.push(say.footnotes)
    html = parseHtml(converted.html)
    const { document } = html

    const req = await createLocalReq({ user, req: { i18n: givenReq?.i18n } }, payload)
    const target = await resolveColumn(payload, req, column)
    if (!target.chosen) notes.unshift(say.defaultColumn(target.title))

    const created: Media[] = []
    const inTransaction = await initTransaction(req)
    try {
      const images = await createImages(payload, req, converted.images, created, notes)
      placeImages(document, new Map(images.map(({ n, mediaId }) => [n, mediaId])))
      const bodyState = await htmlToLexical({
        payload,
        collection: 'news',
        field: 'body',
        html: document.body.innerHTML,
        mediaIds: images.flatMap(({ mediaId }) => (mediaId === null ? [] : [mediaId])),
      })
      // Offered, not imposed: the first picture as cover, the first paragraph as summary; both noted.
      const cover = images.find((image) => image.mediaId !== null)
      if (cover) notes.push(say.coverOffered(cover.n))
      const summary = firstParagraph(bodyState, title)
      if (summary) notes.push(say.summaryProposed)
      const importNotes: ImportNote[] = [...notes, ...converted.warnings].map((note) => (typeof note === 'string' ? { text: note } : note))
      const news = await payload.create({
        collection: 'news',
        data: { title, body: bodyState, column: target.id, cover: cover?.mediaId ?? undefined, summary, importNotes, _status: 'draft' },
        draft: true,
        overrideAccess: false,
        req,
      })
      if (inTransaction) await commitTransaction(req)
      return {
        id: news.id,
        title: news.title,
        column: { id: target.id, title: target.title },
        images: images.flatMap((image) => (image.mediaId === null ? [] : [image as ImportedImage])),
        warnings: importNotes.map((note) => note.text),
      }
    } catch (error) {
      await undo(payload, req, inTransaction, created)
      throw error
    }
  } catch (error) {
    if (error instanceof DocxRefused) throw refuse(error.message)
    if (error instanceof APIError && error.isPublic) throw error
    payload.logger.error({ err: error, msg: `Word import of "${filename}" failed` })
    throw refuse(refusals.failed, 500)
  } finally {
    await html?.close()
  }
}

function titleFor(payload: Payload, found: string | undefined, filename: string, notes: (string | ImportNote)[]): string {
  let title = found
  if (!title) {
    title = path.basename(filename).replace(/\.docx$/i, '').trim() || '从 Word 导入的稿件'
    notes.push(say.titleFromFilename(title))
  }
  const field = payload.collections.news.config.flattenedFields.find((f) => f.name === 'title')
  const max = field && 'maxLength' in field && typeof field.maxLength === 'number' ? field.maxLength : undefined
  if (max && title.length > max) {
    title = title.slice(0, max)
    notes.push(say.titleCut(max))
  }
  return title
}

async function resolveColumn(payload: Payload, req: PayloadRequest, requested: number | string | null | undefined) {
  if (requested !== undefined && requested !== null && String(requested).trim() !== '') {
    // A failing database is thrown on, to the 导入失败 answer, not taken for an unknown column.
    const doc = await foundOrNull(payload.findByID({ collection: 'columns', id: requested, depth: 0, disableErrors: true, overrideAccess: false, req }))
    if (!doc) throw refuse(refusals.unknownColumn)
    return { id: doc.id, title: doc.title, chosen: true }
  }
  const named = await payload.find({ collection: 'columns', where: { title: { equals: defaultColumnTitle } }, limit: 1, depth: 0, req })
  const doc = named.docs[0] ?? (await payload.find({ collection: 'columns', sort: 'order', limit: 1, depth: 0, req })).docs[0]
  if (!doc) throw refuse(refusals.noColumn)
  return { id: doc.id, title: doc.title, chosen: false }
}

/** Word's own automatic descriptions and file names say nothing about the picture. */
const usableAlt = (alt: string | undefined) =>
  alt && !/自动生成|automatically generated/i.test(alt) && !/\.(png|jpe?g|gif|bmp|tiff?|emf|wmf)$/i.test(alt) && !isPendingAlt(alt)
    ? alt
    : undefined

/** Each picture becomes a media item through the media collection's own create (and checks). */
async function createImages(
  payload: Payload,
  req: PayloadRequest,
  images: EmbeddedImage[],
  created: Media[],
  notes: (string | ImportNote)[],
): Promise<{ n: number; mediaId: number | null; altPending: boolean }[]> {
  const results: { n: number; mediaId: number | null; altPending: boolean }[] = []
  for (const image of images) {
    const file = await webImage(image)
    if ('spacer' in file) {
      results.push({ n: image.n, mediaId: null, altPending: false })
      continue
    }
    if ('problem' in file) {
      notes.push(say.imageSkipped(image.n, file.problem))
      results.push({ n: image.n, mediaId: null, altPending: false })
      continue
    }
    const alt = usableAlt(image.altText)
    const media = await payload.create({
      collection: 'media',
      data: { alt: alt ?? pendingAlt(image.n) },
      file: { data: file.data, mimetype: file.mimetype, name: `word-image-${image.n}.${file.extension}`, size: file.data.length },
      overrideAccess: false,
      req,
    })
    created.push(media)
    const about = { id: media.id, name: media.filename ?? `word-image-${image.n}` }
    notes.push({ text: alt ? say.altFromWord(image.n) : say.altPending(image.n, about.name), media: about })
    results.push({ n: image.n, mediaId: media.id, altPending: !alt })
  }
  return results
}

/** Pictures smaller than this on either side are layout spacers, not photos. */
const minImageSide = 8

const webFormats: Record<string, { mimetype: string; extension: string }> = {
  jpeg: { mimetype: 'image/jpeg', extension: 'jpg' },
  png: { mimetype: 'image/png', extension: 'png' },
  webp: { mimetype: 'image/webp', extension: 'webp' },
}

/**
 * The picture as a format the media library takes: JPEG, PNG and WebP as they are; GIF and TIFF
 * (which Word also embeds) as PNG, transparency kept; anything else (EMF, WMF drawings) cannot
 * be shown on the web. Spacers (Word's 1×1 GIFs, anything under 8×8 px) are left out unmentioned.
 * The media library's own rules (size, pixels, truncation) are checked first, so a picture they
 * would refuse is left out with its reason instead of failing the whole import.
 */
async function webImage(
  image: EmbeddedImage,
): Promise<{ data: Buffer; mimetype: string; extension: string } | { problem: string } | { spacer: true }> {
  const formatName = image.contentType.split('/')[1]?.replace(/^x-/, '').toUpperCase() || '未知'
  let format: string | undefined
  try {
    const meta = await sharp(image.data).metadata()
    if ((meta.width ?? 0) < minImageSide || (meta.height ?? 0) < minImageSide) return { spacer: true }
    format = meta.format
  } catch {
    return { problem: say.imageFormat(formatName) }
  }
  let data = image.data
  let target = format ? webFormats[format] : undefined
  if (!target) {
    if (format !== 'gif' && format !== 'tiff') return { problem: say.imageFormat(formatName) }
    data = await sharp(image.data).png().toBuffer()
    target = webFormats.png
  }
  const problem = await findImageProblem(data)
  return problem ? { problem } : { data, ...target }
}

/**
 * After a failure: the transaction takes the records back, but the files Payload wrote for the
 * media stay on disk, so they are removed here. Without a transaction (a database that has
 * none) the media items are deleted, files and all.
 */
async function undo(payload: Payload, req: PayloadRequest, inTransaction: boolean, created: Media[]) {
  if (inTransaction) {
    await killTransaction(req)
    const staticDir = payload.collections.media.config.upload.staticDir ?? mediaDir
    const files = created.flatMap((media) => [media.filename, ...Object.values(media.sizes ?? {}).map((size) => size?.filename)])
    await Promise.all(
      files.filter((name): name is string => Boolean(name)).map((name) => fs.rm(path.join(staticDir, name), { force: true })),
    )
    return
  }
  for (const media of created) {
    await payload.delete({ collection: 'media', id: media.id, overrideAccess: true }).catch((error: unknown) => {
      payload.logger.error({ err: error, msg: `could not remove media #${media.id} after a failed Word import` })
    })
  }
}

/** The body's first paragraph that is not the title, cut to the summary's length. */
function firstParagraph(body: unknown, title: string): string | undefined {
  const text = readRichText(body, '正文').paragraphs.map((p) => p.text.trim()).find((t) => t && t !== title.trim())
  if (!text) return undefined
  return text.length > summaryMax ? `${text.slice(0, summaryMax - 1)}…` : text
}
