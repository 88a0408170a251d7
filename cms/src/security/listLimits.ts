import type { CollectionBeforeOperationHook } from 'payload'

/** The most documents one anonymous list request (REST or GraphQL) returns. */
export const maxAnonymousPageSize = 100

/**
 * An anonymous reader pages through lists at most `maxAnonymousPageSize` at a time:
 * `limit=100000`, `limit=0` (everything) and `pagination=false` become one page of that size.
 * Signed-in staff and the system's own queries are not limited.
 */
export const capAnonymousLists: CollectionBeforeOperationHook = ({ args, req, overrideAccess }) => {
  if (req.user || overrideAccess || req.payloadAPI === 'local') return args
  const list = args as { limit?: number; pagination?: boolean }
  if (!('limit' in list) && !('pagination' in list)) return args
  const limit = Number(list.limit)
  const tooMany = !Number.isFinite(limit) || limit <= 0 || limit > maxAnonymousPageSize
  return { ...args, pagination: true, limit: tooMany ? maxAnonymousPageSize : limit }
}
