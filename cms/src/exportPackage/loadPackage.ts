// Gathers what a 报送材料包 needs from Payload: the published item, its photos (files read from the
// upload directory), its authors and signer, the court's contact details, and the submission if any.
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'
import sharp from 'sharp'

import { formatDate } from '../dates'
import { foundOrNull } from '../lookup'
import type { Media, Submission, User } from '../payload-types'
import { idOf } from '../relations'
import { bodyOf, isReviewedCollection, type ReviewedCollection, reviewedTypes, titleOf } from '../workflow/reviewed'
import { type Author, authorLabel, parseByline } from './authors'
import type { PackageInput } from './buildPackage'
import { uploadIds } from './lexicalToDocx'
import type { Id, Photo } from './photos'

export type LoadResult = { ok: true; input: PackageInput } | { ok: false; status: 400 | 404; message: string }

type Item = Record<string, unknown> & { id: Id; _status?: string | null }

const authorRoles: Record<string, string> = { writer: '撰稿人', correspondent: '通讯员' }
const submissionKinds: Record<string, string> = { information: '信息', article: '稿件' }


/**
 * The photo for the .docx: upright, at most 1600 px, JPEG (Word takes no WebP or AVIF), any
 * transparency on white as on the printed page (JPEG has none; left to sharp it turns black).
 */
async function photoFrom(media: Media, staticDir: string, fallbackCredit: string): Promise<Photo | undefined> {
  if (!media.filename) return undefined
  const data = await fs.readFile(path.join(staticDir, path.basename(media.filename))).catch(() => undefined)
  if (!data) return undefined
  const { data: docxData, info } = await sharp(data)
    .rotate()
    .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer({ resolveWithObject: true })
  return {
    id: media.id,
    original: { data: new Uint8Array(data), filename: media.filename, mimeType: media.mimeType ?? 'image/jpeg' },
    docx: { data: new Uint8Array(docxData), type: 'jpg', width: info.width, height: info.height },
    alt: media.alt ?? '',
    caption: media.caption ?? '',
    credit: media.credit?.trim() || fallbackCredit,
  }
}

async function loadPhotos(payload: Payload, ids: Id[], fallbackCredit: string): Promise<Photo[]> {
  const unique = [...new Set(ids.map(String))]
  if (!unique.length) return []
  const { docs } = await payload.find({
    collection: 'media',
    where: { id: { in: unique } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  // From the running config, not from collections/media: importing that module here would fix its
  // directory before a test has set MEDIA_DIR.
  const staticDir = payload.collections.media.config.upload.staticDir
  if (!staticDir) return []
  const photos = await Promise.all(docs.map((media) => photoFrom(media, staticDir, fallbackCredit)))
  return photos.filter((photo): photo is Photo => Boolean(photo))
}

async function userName(payload: Payload, value: unknown): Promise<string> {
  if (value && typeof value === 'object' && 'name' in value) return String(value.name ?? '')
  const id = idOf(value)
  if (id === undefined) return ''
  const user = await foundOrNull(payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true }))
  return user?.name ?? ''
}

/** The item's last 签发 or 发布 step in its 审签记录: who signed it off, and when. */
async function lastSignoff(payload: Payload, collection: ReviewedCollection, id: Id) {
  const { docs } = await payload.find({
    collection: 'signoffs',
    where: { docCollection: { equals: collection }, docId: { equals: String(id) }, action: { in: ['sign', 'publish'] } },
    sort: ['-createdAt', '-id'],
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] ? { name: docs[0].actorName ?? '', at: docs[0].createdAt } : undefined
}

/**
 * Everything for one package. The item is read with the caller's rights (someone else's draft is
 * "not found", its title untold); the rest with the system's. The item must be published: only
 * published items are sent out.
 */
export async function loadPackageInput(
  payload: Payload,
  target: { collection: string; id: Id },
  submission?: Submission,
  /** The person asking; left out only by the system's own callers, which read with its rights. */
  caller?: PayloadRequest['user'],
): Promise<LoadResult> {
  const { collection } = target
  if (!isReviewedCollection(collection)) return { ok: false, status: 404, message: '稿件不存在或已被删除。' }
  const item = (await foundOrNull(
    payload.findByID({ collection, id: target.id, depth: 0, overrideAccess: caller === undefined, user: caller ?? undefined, disableErrors: true }),
  )) as Item | null
  if (!item) return { ok: false, status: 404, message: '稿件不存在或已被删除。' }
  const title = titleOf(collection, item)
  if (item._status !== 'published') {
    return { ok: false, status: 400, message: `《${title}》尚未发布。只有已发布的稿件才能报送，请签发后再下载报送材料包。` }
  }

  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true }).catch(() => null)
  const courtName = settings?.courtName || '湖西县人民法院'
  const byline = (item.byline ?? {}) as { writer?: string | null; photographer?: string | null }

  // Authors: the submission's, else the item's byline, else whoever entered it. "立案庭 马某" is
  // one author of a department, never two authors.
  const authors: (Author & { role?: string })[] = submission?.authors?.length
    ? submission.authors.flatMap((author) => parseByline(author.name).map((parsed) => ({ ...parsed, role: author.role ?? undefined })))
    : parseByline(byline.writer)
  if (!authors.length) {
    const name = await userName(payload, item.createdBy)
    if (name) authors.push({ name, role: 'correspondent' })
  }
  const signoff = await lastSignoff(payload, collection, item.id)
  const signer = (submission && (await userName(payload, submission.signedOffBy))) || signoff?.name || ''

  const body = bodyOf(collection, item)
  const { leadPhotoField } = reviewedTypes[collection]
  const leadPhotoIds = leadPhotoField ? [idOf(item[leadPhotoField])].filter((id): id is Id => id !== undefined) : []
  const galleryPhotoIds = (Array.isArray(item.photos) ? item.photos.map(idOf) : []).filter((id): id is Id => id !== undefined)
  const photos = await loadPhotos(payload, [...leadPhotoIds, ...uploadIds(body), ...galleryPhotoIds], byline.photographer?.trim() ?? '')

  const contactName = authors[0]?.name ?? ''
  const contactLine = [`报送单位：${courtName}`, contactName && `联系人：${contactName}`, settings?.phone && `联系电话：${settings.phone}`]
    .filter(Boolean)
    .join('　')
  // News carry their 发布时间; other items were published when last signed off.
  const publishedAt = (item.publishedAt ?? signoff?.at ?? item.updatedAt) as string | undefined
  const outlet = submission?.outlet && typeof submission.outlet === 'object' ? submission.outlet.name : ''

  return {
    ok: true,
    input: {
      article: {
        title,
        byline: authors.length ? `通讯员 ${authors.map(authorLabel).join(' ')}` : '',
        body,
        leadPhotoIds,
        galleryPhotoIds,
        contactLine,
      },
      photos,
      form: {
        courtName,
        itemKind: reviewedTypes[collection].label,
        outlet,
        submissionKind: submission ? (submissionKinds[submission.kind] ?? '') : '',
        authors: authors.map((author) => (author.role ? `${authorLabel(author)}（${authorRoles[author.role] ?? author.role}）` : authorLabel(author))).join('、'),
        signer,
        publishedOn: publishedAt ? formatDate(publishedAt) : '',
        submittedOn: formatDate(submission?.submittedAt ?? new Date()),
        contact: [contactName, settings?.phone].filter(Boolean).join('　'),
      },
    },
  }
}
