import { describe, expect, it } from 'vitest'

import { calendarDaysBetween, formatDate, formatDateTime } from './dates'

describe('Beijing dates', () => {
  it('runs in UTC, so local-time code would give other answers than these', () => {
    // 17:30 UTC on the 11th is the 11th here and 01:30 on the 12th in Beijing.
    expect(new Date('2025-03-11T17:30:00Z').getDate()).toBe(11)
    expect(new Date('2025-03-11T17:30:00Z').getHours()).toBe(17)
  })

  it('formats in Beijing time whatever the server zone', () => {
    expect(formatDateTime('2025-03-11T17:30:00Z')).toBe('2025-03-12 01:30')
    expect(formatDate('2025-03-11T17:30:00Z')).toBe('2025-03-12')
  })

  it('counts calendar days, not 24-hour periods', () => {
    expect(calendarDaysBetween('2025-03-11T23:59:00+08:00', '2025-03-12T00:01:00+08:00')).toBe(1)
    expect(calendarDaysBetween('2025-03-12T00:01:00+08:00', '2025-03-12T23:59:00+08:00')).toBe(0)
    expect(calendarDaysBetween('2025-02-27T12:00:00+08:00', '2025-03-01T08:00:00+08:00')).toBe(2)
    expect(calendarDaysBetween('2024-12-31T12:00:00+08:00', '2025-01-01T08:00:00+08:00')).toBe(1)
    expect(calendarDaysBetween('2025-03-12T12:00:00+08:00', '2025-03-10T12:00:00+08:00')).toBe(-2)
    // The same UTC day (15:30Z and 23:30Z on the 11th), but two Beijing days.
    expect(calendarDaysBetween('2025-03-11T23:30:00+08:00', '2025-03-12T07:30:00+08:00')).toBe(1)
  })
})
