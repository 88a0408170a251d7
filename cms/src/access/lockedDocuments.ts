// Payload's document locks (payload-locked-documents) are a collection Payload adds itself, open
// to every signed-in user by default. Here a lock may only be taken or taken over by the signed-in
// person, in their own name, for a document or global they may edit; and removed by its owner or
// an admin. The admin's own locking writes straight to the database and is not affected.
import {
  APIError,
  type Access,
  type CollectionBeforeChangeHook,
  type CollectionSlug,
  type PayloadRequest,
  type SanitizedConfig,
  type Where,
} from 'payload'

import { idOf } from '../relations'
import { roleOf, staff } from '.'

type Ref = { relationTo?: string; value?: unknown } | null | undefined
type Lock = { document?: Ref; globalSlug?: string | null; user?: Ref }

const isAdmin = (req: PayloadRequest) => roleOf(req.user) === 'admin'

/** Whether the signed-in person may edit this document (its collection's update access). */
async function mayEdit(req: PayloadRequest, lock: Lock): Promise<boolean> {
  if (lock.globalSlug) {
    const global = req.payload.config.globals.find((g) => g.slug === lock.globalSlug)
    if (!global) return false
    return Boolean(await global.access.update?.({ req, data: {} } as never))
  }
  const slug = lock.document?.relationTo
  const id = idOf(lock.document?.value)
  const collection = slug ? req.payload.collections[slug as CollectionSlug] : undefined
  if (!collection || id === undefined) return false
  const result = await collection.config.access.update?.({ req, id, data: {} } as never)
  if (!result) return false
  const where: Where = result === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, result as Where] }
  const { totalDocs } = await req.payload.count({ collection: slug as CollectionSlug, where, overrideAccess: true, req })
  return totalDocs > 0
}

const checkLock: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!req.user) return data // the system's own writes
  const lock = { ...(originalDoc as Lock | undefined), ...(data as Lock) }
  if (String(idOf(lock.user?.value)) !== String(req.user.id) || lock.user?.relationTo !== req.user.collection) {
    throw new APIError('只能以自己的名义锁定文档。', 403, undefined, true)
  }
  if (!(await mayEdit(req, lock))) throw new APIError('您无权编辑该文档，不能锁定它。', 403, undefined, true)
  return data
}

const ownLocks: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdmin(req)) return true
  return { 'user.value': { equals: req.user.id } }
}

/** Applies the rules to the sanitized config (the collection does not exist before sanitizing). */
export function hardenLockedDocuments(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((c) => c.slug === 'payload-locked-documents')
  if (!locks) return config
  // Reading stays open to staff: the admin shows who is editing a document.
  locks.access = { ...locks.access, read: staff, create: staff, update: staff, delete: ownLocks }
  locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), checkLock]
  return config
}

