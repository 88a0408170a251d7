// The hooks that ask for a portal build when something the public site shows has changed.
// Registered on the review-track collections (collections/draftable.ts), columns, workstations,
// media, outside-media coverage (submissions, outlets) and the site-settings/navigation globals.
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { requestSiteBuild } from './requestSiteBuild'
import { siteAutoBuildEnabled } from './settings'

/**
 * Hooks run inside the request's database transaction; the build must not read the CMS before it
 * has committed. A transaction in progress has a string (or number) id, which commit and rollback
 * remove. Without transactions (Payload's SQLite default) the id is a Promise of null, or `{}` once
 * Payload's relationship loader has copied it through JSON: nothing to wait for.
 */
const committed = (req: PayloadRequest) => () => {
  const id: unknown = req.transactionID
  return typeof id !== 'string' && typeof id !== 'number'
}

const ask = (req: PayloadRequest, reason: string) =>
  requestSiteBuild(reason, req.payload.logger, { settled: committed(req) })

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
  if (!siteAutoBuildEnabled() || operation !== 'update' || data._status === 'published' || originalDoc?.id === undefined) return data
  req.context[wasPublicKey(collection.slug, originalDoc.id)] = await isPublished(req, collection.slug, originalDoc.id)
  return data
}

/**
 * Review-track items (news, stories, events, families): a publish, an edit of a published item,
 * or a withdrawal. Draft saves never change what is public, so they build nothing.
 */
export const rebuildSiteOnPublish: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (!siteAutoBuildEnabled()) return doc
  const key = wasPublicKey(collection.slug, doc.id)
  const wasPublic = req.context[key] === true
  delete req.context[key]
  if (doc._status === 'published') {
    ask(req, `${collection.slug} #${doc.id} 已发布${operation === 'update' && previousDoc?._status === 'published' ? '（修改）' : ''}`)
    return doc
  }
  // Saved as draft: a draft revision (Payload only wrote a version; the public item stays) or a
  // withdrawal (the item itself is now a draft).
  if (wasPublic && !(await isPublished(req, collection.slug, doc.id))) ask(req, `${collection.slug} #${doc.id} 已撤下`)
  return doc
}

/** A deleted review-track item leaves the site if it was published. */
export const rebuildSiteOnUnpublishedDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (siteAutoBuildEnabled() && doc?._status === 'published') ask(req, `${collection.slug} #${doc.id} 已删除`)
  return doc
}

/** Columns and workstations are all public. Media: a new upload is used by nothing published yet. */
export const rebuildSiteOnChange: CollectionAfterChangeHook = async ({ collection, doc, operation, req }) => {
  if (!siteAutoBuildEnabled()) return doc
  if (collection.slug === 'media' && operation === 'create') return doc
  ask(req, `${collection.slug} #${doc.id} 已${operation === 'create' ? '新增' : '修改'}`)
  return doc
}

export const rebuildSiteOnDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (siteAutoBuildEnabled()) ask(req, `${collection.slug} #${doc?.id} 已删除`)
  return doc
}

/** Site settings and navigation appear on every page. */
export const rebuildSiteOnGlobalChange: GlobalAfterChangeHook = async ({ global, doc, req }) => {
  if (siteAutoBuildEnabled()) ask(req, `${global.slug} 已修改`)
  return doc
}

/** Outside-media records reach the portal (媒体聚焦) once adopted or published. */
const isPublicCoverage = (doc: { status?: unknown } | undefined) => doc?.status === 'adopted' || doc?.status === 'published'

export const rebuildSiteOnCoverageChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  if (siteAutoBuildEnabled() && (isPublicCoverage(doc) || isPublicCoverage(previousDoc))) ask(req, `${collection.slug} #${doc.id} 已修改`)
  return doc
}

export const rebuildSiteOnCoverageDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (siteAutoBuildEnabled() && isPublicCoverage(doc)) ask(req, `${collection.slug} #${doc?.id} 已删除`)
  return doc
}
