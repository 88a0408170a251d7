import type { CollectionBeforeOperationHook } from 'payload'

/** The most documents one anonymous list request (REST or GraphQL) returns. */
export const maxAnonymousPageSize = 100

/**
 * An anonymous reader pages through lists at most `maxAnonymousPageSize` at a time:
 * `limit=100000`, `limit=0` (everything) and `pagination=false` become one page of that size.
 * Signed-in staff and the system's own queries are not limited.
 */
export const capAnonymousLists: CollectionBeforeOperationHook = ({ args, req, overrideAccess }) => {
  if (req.user || overrideAccess || req.payloadAPI === 'local' || isPopulationBatch(args)) return args
  const list = args as { limit?: number; pagination?: boolean }
  if (!('limit' in list) && !('pagination' in list)) return args
  const limit = Number(list.limit)
  const tooMany = !Number.isFinite(limit) || limit <= 0 || limit > maxAnonymousPageSize
  return { ...args, pagination: true, limit: tooMany ? maxAnonymousPageSize : limit }
}

/**
 * Payload fills in the relations of what it returns (`depth`) with finds of its own on the same
 * request, one per related collection, for the ids the answer already names (its dataloader sets
 * `currentDepth`, which REST and GraphQL callers cannot). The answer bounds them; capping one
 * dropped every relation past the 100th and added a count query to each anonymous request.
 */
const isPopulationBatch = (args: unknown) => typeof (args as { currentDepth?: unknown }).currentDepth === 'number'
