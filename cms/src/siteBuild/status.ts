// What 站点状态 and /api/health read about the portal: the latest change records, how many wait,
// and who holds the render lease. All from the database, so every CMS instance sees the same.
import type { Payload } from 'payload'

import { readLease, type LeaseState } from './lease'

export type ChangeSummary = {
  id: number | string
  reason: string
  kind: string
  state: 'pending' | 'rendering' | 'done' | 'failed'
  createdAt: string
  finishedAt?: string | null
  pages?: number | null
  removed?: number | null
  ms?: number | null
  error?: string | null
  batch?: number | null
  differences?: unknown
}

export type SiteStatusData = { recent: ChangeSummary[]; waiting: number; lease: LeaseState; now: Date }

export async function readSiteStatus(payload: Payload, limit = 12): Promise<SiteStatusData> {
  const [{ docs }, waiting, lease] = await Promise.all([
    payload.db.find<ChangeSummary>({ collection: 'site-changes', sort: '-id', limit, pagination: false }),
    payload.db.count({ collection: 'site-changes', where: { state: { in: ['pending', 'rendering'] } } }),
    readLease(payload),
  ])
  return { recent: docs, waiting: waiting.totalDocs, lease, now: new Date() }
}

/** For /api/health: when the portal last changed, and whether the latest attempt failed. */
export async function portalHealth(payload: Payload): Promise<{ lastRenderAt: string | null; state: 'failed' | 'ok' | null }> {
  const { docs } = await payload.db.find<ChangeSummary>({
    collection: 'site-changes',
    where: { state: { in: ['done', 'failed'] } },
    sort: '-finishedAt',
    limit: 20,
    pagination: false,
  })
  const lastDone = docs.find((d) => d.state === 'done')
  return { lastRenderAt: lastDone?.finishedAt ?? null, state: docs[0] ? (docs[0].state === 'failed' ? 'failed' : 'ok') : null }
}
