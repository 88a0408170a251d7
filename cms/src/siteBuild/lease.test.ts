// The render lease on a real SQLite database: exclusive while held, renewable by its holder,
// taken over only once expired or released.
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { startTestPayload, type TestPayload } from '../testing/testPayload'
import { acquireLease, readLease, releaseLease } from './lease'

let test: TestPayload
let payload: Payload

beforeAll(async () => {
  test = await startTestPayload()
  payload = test.payload
})
afterAll(async () => test?.close())

it('goes to one holder at a time', async () => {
  const t0 = new Date('2026-12-01T10:00:00.000Z')
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)
  expect(await acquireLease(payload, 'a', 15_000, t0)).toBe(true)
  expect(await acquireLease(payload, 'b', 15_000, at(1))).toBe(false)
  // Renewed by its holder, it lasts from the renewal.
  expect(await acquireLease(payload, 'a', 15_000, at(10))).toBe(true)
  expect(await acquireLease(payload, 'b', 15_000, at(20))).toBe(false)
  expect(await acquireLease(payload, 'b', 15_000, at(26))).toBe(true)
  expect(await acquireLease(payload, 'a', 15_000, at(27))).toBe(false)
  expect((await readLease(payload))?.holder).toBe('b')
  // Released, it is free at once; a release by someone else changes nothing.
  await releaseLease(payload, 'a')
  expect(await acquireLease(payload, 'a', 15_000, at(28))).toBe(false)
  await releaseLease(payload, 'b')
  expect(await acquireLease(payload, 'a', 15_000, at(29))).toBe(true)
})
