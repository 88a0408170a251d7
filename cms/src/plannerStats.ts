import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/**
 * SQLite chooses among indexes by the statistics ANALYZE writes (sqlite_stat1); a database that
 * never had them gets guesses. A contributor's `GET /api/news` (published or their own) then merged
 * two single-column indexes and sorted every match (270–500 ms at 10k news) instead of reading the
 * list index in order. ANALYZE reads every index in full (about 15 ms for news at 10k): a sample
 * (PRAGMA analysis_limit = 1000) put 501 rows under `published` instead of 5,011, and the planner
 * kept the bad plan.
 */
export async function refreshPlannerStats(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  const { client } = payload.db as unknown as SQLiteAdapter
  await client.execute('ANALYZE')
}

const DAY_MS = 24 * 60 * 60 * 1000

/** At server start (after the migrations ran, before the first request), then daily as the content grows. */
export async function keepPlannerStatsFresh(payload: Payload, everyMs = DAY_MS): Promise<void> {
  const refresh = () =>
    refreshPlannerStats(payload).catch((error: unknown) => payload.logger.error({ err: error, msg: '更新数据库查询统计信息（ANALYZE）失败' }))
  await refresh()
  setInterval(refresh, everyMs).unref()
}
