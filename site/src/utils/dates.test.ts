import { describe, expect, it } from 'vitest'

import { formatDate, isoDate, isoDateTime, monthKey, sameDay } from './dates'

// The tests run in UTC (vitest.config.ts): local-time code would answer the 11th and 17:30 here.
const lateUtc = new Date('2025-03-11T17:30:00Z')

describe('portal dates in Beijing time', () => {
  it('runs in UTC, where this moment is still the 11th', () => {
    expect(lateUtc.getDate()).toBe(11)
  })

  it('formats the Beijing day and time', () => {
    expect(isoDate(lateUtc)).toBe('2025-03-12')
    expect(isoDateTime(lateUtc)).toBe('2025-03-12T01:30+08:00')
    expect(formatDate(lateUtc)).toBe('2025年3月12日')
  })

  it('groups by the Beijing month and day', () => {
    expect(monthKey(new Date('2025-03-31T16:30:00Z'))).toBe('2025-04')
    // The same UTC day, two Beijing days.
    expect(sameDay(new Date('2025-03-11T15:30:00Z'), new Date('2025-03-11T16:30:00Z'))).toBe(false)
  })
})
