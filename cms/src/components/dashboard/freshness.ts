// Freshness as the website inspection judges it (its veto items): the home page must show something
// new every two weeks, and no 栏目 may stay empty or go past its update cycle.
import { calendarDaysBetween, toDate } from '../../dates'

/** The home page must have a new item at least this often. */
export const homeLimitDays = 14
export const defaultCycleDays = 180

export type LastItem = { at: Date | string; title: string; typeLabel: string }

export type ColumnInput = {
  id: number | string
  title: string
  updateCycleDays?: number | null
  /** When its newest published news item was published; none when it has none. */
  lastPublishedAt?: Date | string | null
}

export type ColumnStatus = 'ok' | 'empty' | 'stale'

export type ColumnFreshness = {
  id: number | string
  title: string
  cycleDays: number
  lastPublishedAt: Date | null
  daysSince: number | null
  status: ColumnStatus
  /** 空白栏目 / 超期未更新, when it needs attention. */
  warning?: string
}

export type HomeFreshness = { last: LastItem | null; daysSince: number | null; warning?: string }

export type Freshness = { home: HomeFreshness; columns: ColumnFreshness[]; warningCount: number }

/** Days since `at`, counted in Beijing calendar days; an item dated in the future counts as today's. */
const daysSince = (at: Date | string, now: Date) => Math.max(0, calendarDaysBetween(at, now))

export function assessColumn(column: ColumnInput, now: Date): ColumnFreshness {
  const cycleDays = column.updateCycleDays && column.updateCycleDays > 0 ? column.updateCycleDays : defaultCycleDays
  const base = { id: column.id, title: column.title, cycleDays }
  if (!column.lastPublishedAt) return { ...base, lastPublishedAt: null, daysSince: null, status: 'empty', warning: '空白栏目' }
  const days = daysSince(column.lastPublishedAt, now)
  const lastPublishedAt = toDate(column.lastPublishedAt)
  if (days > cycleDays) return { ...base, lastPublishedAt, daysSince: days, status: 'stale', warning: '超期未更新' }
  return { ...base, lastPublishedAt, daysSince: days, status: 'ok' }
}

export function assessHome(last: LastItem | null, now: Date, limitDays = homeLimitDays): HomeFreshness {
  if (!last) return { last: null, daysSince: null, warning: '首页还没有发布任何稿件' }
  const days = daysSince(last.at, now)
  return days >= limitDays ? { last, daysSince: days, warning: `首页已 ${days} 天没有新发布的稿件（应每 ${limitDays} 天内更新）` } : { last, daysSince: days }
}

/** Everything the freshness widget shows, from facts already loaded; `now` is passed in so tests can fix it. */
export function assessFreshness(input: { now: Date; homeLast: LastItem | null; columns: ColumnInput[]; homeLimitDays?: number }): Freshness {
  const home = assessHome(input.homeLast, input.now, input.homeLimitDays)
  const columns = input.columns.map((column) => assessColumn(column, input.now))
  return { home, columns, warningCount: (home.warning ? 1 : 0) + columns.filter((c) => c.warning).length }
}

/** The newest of several candidates (null when there are none). */
export function newest(items: (LastItem | null | undefined)[]): LastItem | null {
  return items.reduce<LastItem | null>(
    (best, item) => (item && (!best || toDate(item.at).getTime() > toDate(best.at).getTime()) ? item : best),
    null,
  )
}
