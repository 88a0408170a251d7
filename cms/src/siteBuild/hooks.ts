// The hooks that queue a portal update (changes.ts) when something the public site shows has
// changed. Registered on every collection and global the portal reads: the review-track
// collections (collections/draftable.ts: news, stories, events, families), columns, workstations,
// media, outside-media coverage (submissions, outlets) and the site-settings, site-pages and
// navigation globals. New-media posts are staff-only and never reach the portal.
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { recordChange } from './changes'

const label = (config: { labels?: { singular?: unknown } ; slug: string }) =>
  typeof config.labels?.singular === 'string' ? config.labels.singular : config.slug

/** Queues the change in the request's transaction: it becomes visible to the renderer when the change commits. */
const docChanged = (req: PayloadRequest, collection: { slug: string; labels?: { singular?: unknown } }, id: number | string, what: string) =>
  recordChange(req, { kind: 'doc', collection: collection.slug, id }, `${label(collection)} #${id} ${what}`)

/** Whether the item itself (not its latest draft revision) is public right now, as this request sees it. */
async function isPublished(req: PayloadRequest, collection: CollectionSlug, id: number | string): Promise<boolean> {
  const item = await req.payload.db.findOne<{ id: number | string; _status?: string }>({
    collection,
    where: { id: { equals: id } },
    select: { _status: true },
    req,
  })
  return item?._status === 'published'
}

const wasPublicKey = (collection: string, id: unknown) => `siteBuild:wasPublic:${collection}:${id}`

/**
 * Before a save that may take an item off the site (anything but a publish), notes whether it is
 * public now. `previousDoc` cannot say: it is the latest revision, which may be a draft of a
 * published item.
 */
export const notePublicStateBeforeSave: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || data._status === 'published' || originalDoc?.id === undefined) return data
  req.context[wasPublicKey(collection.slug, originalDoc.id)] = await isPublished(req, collection.slug, originalDoc.id)
  return data
}

/**
 * Review-track items (news, stories, events, families): a publish, an edit of a published item,
 * or a withdrawal. Draft saves never change what is public, so they build nothing.
 */
export const rebuildSiteOnPublish: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  const key = wasPublicKey(collection.slug, doc.id)
  const wasPublic = req.context[key] === true
  delete req.context[key]
  if (doc._status === 'published') {
    await docChanged(req, collection, doc.id, `已发布${operation === 'update' && previousDoc?._status === 'published' ? '（修改）' : ''}`)
    return doc
  }
  // Saved as draft: a draft revision (Payload only wrote a version; the public item stays) or a
  // withdrawal (the item itself is now a draft).
  if (wasPublic && !(await isPublished(req, collection.slug, doc.id))) await docChanged(req, collection, doc.id, '已撤下')
  return doc
}

/** A deleted review-track item leaves the site if it was published. */
export const rebuildSiteOnUnpublishedDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (doc?._status === 'published') await docChanged(req, collection, doc.id, '已删除')
  return doc
}

/** Columns and workstations are all public. Media: a new upload is used by nothing published yet. */
export const rebuildSiteOnChange: CollectionAfterChangeHook = async ({ collection, doc, operation, req }) => {
  if (collection.slug === 'media' && operation === 'create') return doc
  await docChanged(req, collection, doc.id, operation === 'create' ? '已新增' : '已修改')
  return doc
}

export const rebuildSiteOnDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (doc?.id !== undefined) await docChanged(req, collection, doc.id, '已删除')
  return doc
}

/** Site settings and navigation appear on every page. */
export const rebuildSiteOnGlobalChange: GlobalAfterChangeHook = async ({ global, doc, req }) => {
  await recordChange(req, { kind: 'global', slug: global.slug }, `${typeof global.label === 'string' ? global.label : global.slug} 已修改`)
  return doc
}

/** Outside-media records reach the portal (媒体聚焦) once adopted or published. */
const isPublicCoverage = (doc: { status?: unknown } | undefined) => doc?.status === 'adopted' || doc?.status === 'published'

export const rebuildSiteOnCoverageChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  if (isPublicCoverage(doc) || isPublicCoverage(previousDoc)) await docChanged(req, collection, doc.id, '已修改')
  return doc
}

export const rebuildSiteOnCoverageDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (isPublicCoverage(doc)) await docChanged(req, collection, doc.id, '已删除')
  return doc
}
