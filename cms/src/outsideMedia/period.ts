// Years, quarters and months of outside-media work, on the Beijing calendar whatever zone the
// server runs in: an item adopted at 00:30 on 1 January Beijing time counts for the new year.
import { formatDate } from '../dates'

type DateLike = Date | string | number

/** 2025 for any moment of 2025 in Beijing. */
export const beijingYear = (value: DateLike): number => Number(formatDate(value).slice(0, 4))

/** 1–12 */
export const beijingMonth = (value: DateLike): number => Number(formatDate(value).slice(5, 7))

/** 1–4 */
export const quarterOf = (month: number): number => Math.ceil(month / 3)

/** The year as an ISO range for queries: [from, to). */
export const yearBounds = (year: number) => ({
  from: new Date(`${year}-01-01T00:00:00+08:00`).toISOString(),
  to: new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString(),
})

/** Today as a date-only value: noon in Beijing, so no time zone moves it to another day. */
export const beijingToday = (now: Date = new Date()): string => new Date(`${formatDate(now)}T12:00:00+08:00`).toISOString()

/** The calendar day, for comparing dates entered without a meaningful time. */
export const beijingDay = (value: DateLike): string => formatDate(value)
