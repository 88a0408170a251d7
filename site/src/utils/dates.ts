// Dates as readers in China expect them: always Beijing time, whatever the build machine's zone.
const zone = 'Asia/Shanghai'

const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, year: 'numeric', month: 'long', day: 'numeric' })
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: zone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})
const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const monthFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, year: 'numeric', month: 'long' })
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})

/**
 * Intl formatting costs microseconds a call, and a render formats the same few thousand moments on
 * every list page that shows them: each result is kept per moment (a bounded cache).
 */
function perMoment<T>(compute: (date: Date) => T): (date: Date) => T {
  const cache = new Map<number, T>()
  return (date) => {
    const key = date.getTime()
    let value = cache.get(key)
    if (value === undefined) {
      if (cache.size >= 100_000) cache.clear()
      cache.set(key, (value = compute(date)))
    }
    return value
  }
}

/** Year, month, day, hour, minute as two-digit strings, in Beijing time. */
const parts = perMoment((date: Date) => {
  const p = Object.fromEntries(partsFormat.formatToParts(date).map((x) => [x.type, x.value]))
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute }
})

/** 2025年3月12日 */
export const formatDate = perMoment((date: Date): string => dateFormat.format(date))

/** 2025年3月12日 09:30 */
export const formatDateTime = (date: Date): string => dateTimeFormat.format(date)

/** 09:30 */
export const formatTime = (date: Date): string => timeFormat.format(date)

/** True when both fall on the same calendar day in Beijing. */
export const sameDay = (a: Date, b: Date): boolean => isoDate(a) === isoDate(b)

/** 2025年3月12日 09:30–11:30, or both full date-times when the range spans days. */
export function formatTimeRange(start: Date, end?: Date): string {
  if (!end) return formatDateTime(start)
  return sameDay(start, end) ? `${formatDateTime(start)}–${formatTime(end)}` : `${formatDateTime(start)} 至 ${formatDateTime(end)}`
}

/** 2025-03-12 (Beijing calendar day), for <time datetime>. */
export function isoDate(date: Date): string {
  const p = parts(date)
  return `${p.year}-${p.month}-${p.day}`
}

/** 2025-03-12T09:30+08:00, for <time datetime> on moments. */
export function isoDateTime(date: Date): string {
  const p = parts(date)
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}+08:00`
}

/** 2025-06: a sortable key for grouping by month. */
export function monthKey(date: Date): string {
  const p = parts(date)
  return `${p.year}-${p.month}`
}

/** 2025 for any moment of 2025 in Beijing. */
export const beijingYear = (date: Date): number => Number(parts(date).year)

/** 2025年6月 */
export const monthLabel = (date: Date): string => monthFormat.format(date)

/** Comparator: newest first. */
export const newestFirst = (a: Date, b: Date): number => b.getTime() - a.getTime()

/** Comparator: soonest (oldest) first. */
export const oldestFirst = (a: Date, b: Date): number => a.getTime() - b.getTime()
