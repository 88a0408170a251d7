// Gathers a published item for the 公众号: its text, photos sized for WeChat, the cover crops and
// the 摘要. With the system's rights: the endpoint decides who may ask.
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { readRichText } from '../checks/lexical'
import type { Media } from '../payload-types'
import { foundOrNull } from '../lookup'
import { idOf } from '../relations'
import { bodyOf, isReviewedCollection, type ReviewedCollection, reviewedTypes, titleOf } from '../workflow/reviewed'
import { type Crop, articleImage, coverCrop, thumbnailCrop } from './crops'
import { proposeDigest } from './digest'

export type LoadedPhoto = { id: string; filename: string; alt: string; caption: string; image: Crop }

export type WechatArticle = {
  collection: ReviewedCollection
  title: string
  digest: string
  byline: string
  source: string
  portalUrl: string
  body: unknown
  /** Photos by media id: those in the body, and the gallery's. */
  photos: Map<string, LoadedPhoto>
  gallery: string[]
  cover?: Crop
  thumbnail?: Crop
}

export type WechatLoadResult = { ok: true; article: WechatArticle } | { ok: false; status: 400 | 404; message: string }

/** The item's page on the portal, as an absolute URL. */
export function portalUrlOf(collection: ReviewedCollection, slug: string, siteUrl = process.env.SITE_URL ?? 'http://localhost:4321') {
  return new URL(reviewedTypes[collection].portalPath(encodeURIComponent(slug)), siteUrl).href
}

/** Upload ids in Lexical JSON, in reading order. */
function bodyImageIds(body: unknown): string[] {
  return readRichText(body, '').images.map((image) => String(image.id))
}

export async function loadWechatArticle(payload: Payload, target: { collection: string; id: string }): Promise<WechatLoadResult> {
  const { collection } = target
  if (!isReviewedCollection(collection)) return { ok: false, status: 404, message: '稿件不存在或已被删除。' }
  const item = (await foundOrNull(
    payload.findByID({ collection, id: target.id, depth: 0, overrideAccess: true, disableErrors: true }),
  )) as Record<string, unknown> | null
  if (!item) return { ok: false, status: 404, message: '稿件不存在或已被删除。' }
  const title = titleOf(collection, item)
  if (item._status !== 'published') {
    return { ok: false, status: 400, message: `《${title}》尚未发布。只有已发布的稿件才能导出公众号图文，请签发后再导出。` }
  }

  const body = bodyOf(collection, item)
  const gallery = (Array.isArray(item.photos) ? item.photos.map(idOf) : []).filter((id) => id !== undefined).map(String)
  const coverId = idOf(item.cover)
  const inBody = bodyImageIds(body)
  const ids = [...new Set([...inBody, ...gallery, ...(coverId !== undefined ? [String(coverId)] : [])])]
  const { docs } = ids.length
    ? await payload.find({ collection: 'media', where: { id: { in: ids } }, pagination: false, depth: 0, overrideAccess: true })
    : { docs: [] as Media[] }
  // From the running config, not collections/media: importing that would fix MEDIA_DIR too early.
  const staticDir = payload.collections.media.config.upload.staticDir ?? ''
  const fileOf = (media: Media) =>
    media.filename ? fs.readFile(path.join(staticDir, path.basename(media.filename))).catch(() => undefined) : Promise.resolve(undefined)

  const photos = new Map<string, LoadedPhoto>()
  let cover: Crop | undefined
  let thumbnail: Crop | undefined
  // The cover is the news item's cover image, else the first photo shown.
  const coverMedia = docs.find((m) => String(m.id) === String(coverId)) ?? docs.find((m) => String(m.id) === ids[0])
  for (const media of docs) {
    const data = await fileOf(media)
    if (!data) continue
    const id = String(media.id)
    // The cover goes to WeChat's cover slot; it is in the article only if the body or gallery shows it.
    if (inBody.includes(id) || gallery.includes(id)) {
      photos.set(id, { id, filename: media.filename ?? id, alt: media.alt ?? '', caption: media.caption?.trim() ?? '', image: await articleImage(data) })
    }
    if (media === coverMedia) {
      const focal = { x: media.focalX, y: media.focalY }
      ;[cover, thumbnail] = await Promise.all([coverCrop(data, focal), thumbnailCrop(data, focal)])
    }
  }

  const byline = (item.byline ?? {}) as { writer?: string | null; photographer?: string | null }
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true }).catch(() => null)
  const bylineText = [byline.writer?.trim() && `撰稿：${byline.writer.trim()}`, byline.photographer?.trim() && `摄影：${byline.photographer.trim()}`]
    .filter(Boolean)
    .join('　')
  const firstParagraph = readRichText(body, '').paragraphs[0]?.text ?? ''

  return {
    ok: true,
    article: {
      collection,
      title,
      digest: proposeDigest(item.summary as string | undefined, firstParagraph),
      byline: bylineText,
      source: String(item.source ?? '').trim() || settings?.courtName || '湖西县人民法院',
      portalUrl: portalUrlOf(collection, String(item.slug ?? item.id)),
      body,
      photos,
      gallery,
      cover,
      thumbnail,
    },
  }
}
