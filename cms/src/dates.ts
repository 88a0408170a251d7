// Dates as the court reads them: Beijing time, whatever zone the server runs in.
const zone = 'Asia/Shanghai'
const dayMs = 24 * 60 * 60 * 1000

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

type DateLike = Date | string | number

function parts(date: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(date).map((x) => [x.type, x.value]))
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second }
}

export const toDate = (value: DateLike): Date => (value instanceof Date ? value : new Date(value))

/** 2025-03-12 09:30 (Beijing) */
export function formatDateTime(value: DateLike): string {
  const p = parts(toDate(value))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** 2026-11-24 20:31:05 (Beijing), for the times of builds and backups. */
export function formatTimestamp(value: DateLike): string {
  const p = parts(toDate(value))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/** 2025-03-12 (Beijing calendar day); also what dates entered without a meaningful time are compared by. */
export function formatDate(value: DateLike): string {
  const p = parts(toDate(value))
  return `${p.year}-${p.month}-${p.day}`
}

/** Calendar days from `from` to `to` in Beijing: yesterday 23:59 to today 00:01 is one day. */
export function calendarDaysBetween(from: DateLike, to: DateLike): number {
  const day = (value: DateLike) => {
    const p = parts(toDate(value))
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / dayMs
  }
  return day(to) - day(from)
}

/** 2025 for any moment of 2025 in Beijing: an item adopted at 00:30 on 1 January counts for the new year. */
export const beijingYear = (value: DateLike): number => Number(parts(toDate(value)).year)

/** 1–12, the Beijing month. */
export const beijingMonth = (value: DateLike): number => Number(parts(toDate(value)).month)

/** A Beijing calendar year as an ISO range for queries: [from, to). */
export const yearBounds = (year: number) => ({
  from: new Date(`${year}-01-01T00:00:00+08:00`).toISOString(),
  to: new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString(),
})

/** A date-only value (2025-03-12): noon in Beijing, so no time zone moves it to another day. */
export const beijingNoon = (day: string): string => new Date(`${day}T12:00:00+08:00`).toISOString()

/** Today as a date-only value. */
export const beijingToday = (now: Date = new Date()): string => beijingNoon(formatDate(now))
