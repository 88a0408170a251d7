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
  hourCycle: 'h23',
})

function parts(date: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(date).map((x) => [x.type, x.value]))
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute }
}

export const toDate = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value))

/** 2025-03-12 09:30 (Beijing) */
export function formatDateTime(value: Date | string | number): string {
  const p = parts(toDate(value))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** 2025-03-12 (Beijing calendar day) */
export function formatDate(value: Date | string | number): string {
  const p = parts(toDate(value))
  return `${p.year}-${p.month}-${p.day}`
}

/** Calendar days from `from` to `to` in Beijing: yesterday 23:59 to today 00:01 is one day. */
export function calendarDaysBetween(from: Date | string | number, to: Date | string | number): number {
  const day = (value: Date | string | number) => {
    const p = parts(toDate(value))
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / dayMs
  }
  return day(to) - day(from)
}
