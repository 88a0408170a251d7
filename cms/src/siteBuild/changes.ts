// The durable change queue: one `site-changes` record per public change, written through the
// request's own database transaction, so it commits (or rolls back) with the change itself and
// survives any process dying afterwards (SQLite, MongoDB and Postgres alike: database.ts).
// The renderer (renderer.ts) picks records up from there.
import type { Payload, PayloadRequest } from 'payload'

/** A change as the render worker's protocol names it (I12-CONTRACT, part A). */
export type SiteChange = { kind: 'doc'; collection: string; id: number | string } | { kind: 'global'; slug: string }

export const changeKey = (change: SiteChange): string =>
  change.kind === 'doc' ? `doc:${change.collection}:${change.id}` : `global:${change.slug}`

export async function recordChange(req: PayloadRequest, change: SiteChange, reason: string): Promise<void> {
  await req.payload.db.create({
    collection: 'site-changes',
    data: {
      key: changeKey(change),
      kind: change.kind,
      ...(change.kind === 'doc' ? { targetCollection: change.collection, targetId: String(change.id) } : { globalSlug: change.slug }),
      reason,
      state: 'pending',
      attempts: 0,
    },
    req,
  })
  req.payload.logger.info(`门户更新已排队：${reason}`)
  await nudgeOnceCommitted(req)
}

type TransactionId = number | string
const afterCommitKey = Symbol.for('liushan.siteChanges.awaitingCommit')
type WatchedAdapter = Payload['db'] & { [afterCommitKey]?: Set<TransactionId> }

/**
 * Nudges the renderer when the change record can be seen: at once outside a transaction, else
 * right after the request's transaction commits.
 * Payload commits after every hook has run, so a nudge from the hook itself would find nothing
 * and the change would wait for the next poll. The adapter's commit is wrapped once per process
 * to learn when that happens.
 */
async function nudgeOnceCommitted(req: PayloadRequest): Promise<void> {
  const id = await req.transactionID
  const db = req.payload.db as WatchedAdapter
  // No open session (a write outside any transaction): written already.
  if ((typeof id !== 'string' && typeof id !== 'number') || !(db.sessions as Record<TransactionId, unknown> | undefined)?.[id]) return nudgeRenderer()
  let awaiting = db[afterCommitKey]
  if (!awaiting) {
    const waiting = (awaiting = db[afterCommitKey] = new Set<TransactionId>())
    const commit = db.commitTransaction.bind(db)
    const rollback = db.rollbackTransaction.bind(db)
    db.commitTransaction = async (incoming) => {
      const committed = await incoming
      await commit(committed)
      if (waiting.delete(committed)) nudgeRenderer()
    }
    db.rollbackTransaction = async (incoming) => {
      const rolledBack = await incoming
      waiting.delete(rolledBack)
      await rollback(rolledBack)
    }
  }
  awaiting.add(id)
}

/** The renderer in this process, if any, looks at the queue now rather than at its next poll. */
const nudgeKey = Symbol.for('liushan.siteRenderer.nudge')
export function nudgeRenderer(): void {
  const nudge = (globalThis as Record<symbol, unknown>)[nudgeKey]
  if (typeof nudge === 'function') nudge()
}
export function onNudge(listener: (() => void) | undefined): void {
  ;(globalThis as Record<symbol, unknown>)[nudgeKey] = listener
}

/** The change a record stands for. */
export function changeOf(record: { kind?: string | null; targetCollection?: string | null; targetId?: string | null; globalSlug?: string | null }): SiteChange | undefined {
  if (record.kind === 'doc' && record.targetCollection && record.targetId) {
    const numeric = /^\d+$/.test(record.targetId) ? Number(record.targetId) : record.targetId
    return { kind: 'doc', collection: record.targetCollection, id: numeric }
  }
  if (record.kind === 'global' && record.globalSlug) return { kind: 'global', slug: record.globalSlug }
  return undefined
}
