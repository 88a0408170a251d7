// The renderer's lease: one row (`site-render-lease`, name `renderer`) saying which CMS instance
// runs the render worker, until when. Taking and renewing it is one conditional statement — it
// succeeds only if nobody holds the row, or we do, or the holder's time has run out — so two
// instances can never both believe they hold it (short of clocks more than a lease apart).
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

const leaseName = 'renderer'
const collection = 'site-render-lease'

type SqliteDb = { drizzle: { run: (query: unknown) => Promise<{ rowsAffected: number }> } }
type MongoModel = { findOneAndUpdate: (filter: object, update: object, options: object) => Promise<unknown>; updateOne: (filter: object, update: object) => Promise<unknown> }

/** Takes or renews the lease for `holder` until now + ttlMs. True if `holder` holds it now. */
export async function acquireLease(payload: Payload, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const at = now.toISOString()
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString()
  if (payload.db.name === 'mongoose') {
    const model = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[collection]
    try {
      // Upsert: inserts the row the first time; a row held by someone else fails the filter, and
      // the insert it then attempts breaks the unique name (E11000): not ours.
      await model.findOneAndUpdate(
        { name: leaseName, $or: [{ holder }, { expiresAt: { $lt: now } }] },
        { $set: { holder, expiresAt: new Date(expiresAt), updatedAt: now }, $setOnInsert: { createdAt: now } },
        { upsert: true, new: true },
      )
      return true
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false
      throw error
    }
  }
  const result = await (payload.db as unknown as SqliteDb).drizzle.run(sql`
    INSERT INTO site_render_lease (name, holder, expires_at, updated_at, created_at)
    VALUES (${leaseName}, ${holder}, ${expiresAt}, ${at}, ${at})
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, updated_at = excluded.updated_at
    WHERE site_render_lease.holder = excluded.holder OR site_render_lease.expires_at < ${at}`)
  return result.rowsAffected > 0
}

/** Gives the lease up at once (shutdown), so another instance need not wait for it to expire. */
export async function releaseLease(payload: Payload, holder: string): Promise<void> {
  const past = new Date(0)
  if (payload.db.name === 'mongoose') {
    const model = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[collection]
    await model.updateOne({ name: leaseName, holder }, { $set: { expiresAt: past } })
    return
  }
  await (payload.db as unknown as SqliteDb).drizzle.run(
    sql`UPDATE site_render_lease SET expires_at = ${past.toISOString()} WHERE name = ${leaseName} AND holder = ${holder}`,
  )
}

export type LeaseState = { holder: string; expiresAt: string } | undefined

export async function readLease(payload: Payload): Promise<LeaseState> {
  const row = await payload.db.findOne<{ id: number; holder: string; expiresAt: string }>({ collection, where: { name: { equals: leaseName } } })
  return row ? { holder: row.holder, expiresAt: String(row.expiresAt) } : undefined
}
