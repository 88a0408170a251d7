// The demo data is written on the report's own timeline (its newest news just before 2025-07-02);
// seeding moves every news, story and event date by whole days so that day falls on the seeding
// day. A fresh install then looks alive: news from the last weeks, events on both sides of today.
// Facts the texts themselves date (2025年上半年, 2025年组织开展学习5次) are not touched.

const DAY = 24 * 60 * 60 * 1000
/** The day of the data's timeline that becomes "today" when seeding. */
export const DATA_TODAY = '2025-07-02'

const beijingDate = (date: Date) => new Date(date.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)

/** Whole days from the data's "today" to the seeding day (in Beijing). */
export const seedShiftDays = (now = new Date()) =>
  Math.round((Date.parse(`${beijingDate(now)}T00:00:00Z`) - Date.parse(`${DATA_TODAY}T00:00:00Z`)) / DAY)

/** An ISO date-time moved by `days`, keeping its time of day. */
export const shiftDateTime = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString()

/** A YYYY-MM-DD date moved by `days`. */
export const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
