// The render lease on a real database: exclusive while held (also when two instances ask at the
// same moment), renewable by its holder, taken over only once expired or released. SQLite always;
// MongoDB (the scale-out path, its own code in lease.ts) where MONGODB_URL points at a server.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { acquireLease, readLease, releaseLease } from './lease'

async function expectOneHolderAtATime(payload: Payload) {
  const t0 = new Date('2026-12-01T10:00:00.000Z')
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)
  // Two instances asking at once, before any row exists: exactly one gets it.
  const first = await Promise.all([acquireLease(payload, 'a', 15_000, t0), acquireLease(payload, 'c', 15_000, t0)])
  expect(first.filter(Boolean)).toHaveLength(1)
  const holder = first[0] ? 'a' : 'c'
  const other = holder === 'a' ? 'c' : 'a'
  expect(await acquireLease(payload, other, 15_000, at(0.5))).toBe(false)
  await releaseLease(payload, holder)
  expect(await acquireLease(payload, 'a', 15_000, t0)).toBe(true)
  expect(await acquireLease(payload, 'b', 15_000, at(1))).toBe(false)
  // Renewed by its holder, it lasts from the renewal.
  expect(await acquireLease(payload, 'a', 15_000, at(10))).toBe(true)
  expect(await acquireLease(payload, 'b', 15_000, at(20))).toBe(false)
  // Expired: two asking at once, one wins.
  const takeover = await Promise.all([acquireLease(payload, 'b', 15_000, at(26)), acquireLease(payload, 'c', 15_000, at(26))])
  expect(takeover.filter(Boolean)).toHaveLength(1)
  const next = takeover[0] ? 'b' : 'c'
  expect(await acquireLease(payload, 'a', 15_000, at(27))).toBe(false)
  expect((await readLease(payload))?.holder).toBe(next)
  // Released, it is free at once; a release by someone else changes nothing.
  await releaseLease(payload, 'a')
  expect(await acquireLease(payload, 'a', 15_000, at(28))).toBe(false)
  await releaseLease(payload, next)
  expect(await acquireLease(payload, 'a', 15_000, at(29))).toBe(true)
}

describe('SQLite', () => {
  let test: TestPayload
  beforeAll(async () => {
    test = await startTestPayload()
  })
  afterAll(async () => test?.close())

  it('goes to one holder at a time', () => expectOneHolderAtATime(test.payload))
})

const mongoUrl = process.env.MONGODB_URL
if (!mongoUrl) console.warn('[skipped] MongoDB render lease: set MONGODB_URL=mongodb://… to run it against a real server.')

describe.skipIf(!mongoUrl)('MongoDB (MONGODB_URL)', () => {
  let test: TestPayload
  beforeAll(async () => {
    test = await startTestPayload({ databaseUrl: `${mongoUrl!.replace(/\/+$/, '')}/liushan-lease-${Date.now()}` })
  })
  afterAll(async () => {
    await (test?.payload.db as unknown as MongooseAdapter | undefined)?.connection.dropDatabase()
    await test?.close()
  })

  it('goes to one holder at a time', () => expectOneHolderAtATime(test.payload))
})
