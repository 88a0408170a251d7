// 外宣统计: what a year's outside-media work came to — sent, adopted, published and points — by
// month, quarter, outlet level and author. Pure: records in, tables out (loadStats.ts reads them).
//
// How each figure is counted:
// - 报送数: records that were sent (any status but 待报送), in the month of their 报送日期;
// - 采用数 / 刊发数: records now 已采用 / 已刊发 (a published record counts once, as 刊发), in the
//   month of their 采用/刊发日期 — the same date, and so the same year, their points are scored by;
// - 积分: the points each record shows, in that same month;
// - by author: every author of a record is credited with the record in each count, and its points
//   are shared equally among them, so the author table adds up to the year's total.
import { beijingMonth, beijingYear } from '../dates'
import { type OutletLevel, outletLevels } from './levels'
import type { NewMediaStats } from './newMediaStats'
import { isScored, type SubmissionStatus } from './statuses'

export type StatsRecord = {
  status: SubmissionStatus
  submittedAt?: string | null
  publishedOn?: string | null
  points?: number | null
  level?: OutletLevel | null
  authors: string[]
}

export type Tally = { submitted: number; adopted: number; published: number; points: number }
export type StatsRow = Tally & { key: string; label: string }

export type OutsideMediaStats = {
  year: number
  total: Tally
  months: StatsRow[]
  quarters: StatsRow[]
  levels: StatsRow[]
  authors: StatsRow[]
  /** The court's own accounts (新媒体发布), counted apart: nothing is sent, adopted or scored there. */
  newMedia?: NewMediaStats
}

export const unnamedAuthor = '（未署名）'
export const unknownLevel = '（级别不明）'
const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度']
/** 1–4 for months 1–12. */
const quarterOf = (month: number): number => Math.ceil(month / 3)

const emptyTally = (): Tally => ({ submitted: 0, adopted: 0, published: 0, points: 0 })
const row = (key: string, label: string): StatsRow => ({ key, label, ...emptyTally() })

/** Points to two decimals at most (shared points can be thirds). */
export const roundPoints = (points: number) => Math.round(points * 100) / 100

type Credit = { submitted?: boolean; outcome?: 'adopted' | 'published'; points?: number }

function credit(tally: Tally, { submitted, outcome, points = 0 }: Credit) {
  if (submitted) tally.submitted++
  if (outcome) tally[outcome]++
  tally.points += points
}

export function summarize(records: readonly StatsRecord[], year: number): OutsideMediaStats {
  const total = emptyTally()
  const months = Array.from({ length: 12 }, (_, i) => row(String(i + 1), `${i + 1}月`))
  const quarters = quarterNames.map((label, i) => row(`Q${i + 1}`, label))
  const levels = new Map<string, StatsRow>(outletLevels.map(({ value, label }) => [value, row(value, label)]))
  const authors = new Map<string, StatsRow>()

  for (const record of records) {
    const names = [...new Set(record.authors.map((name) => name.trim()).filter(Boolean))]
    if (!names.length) names.push(unnamedAuthor)
    const levelRow = () => {
      const key = record.level ?? 'unknown'
      if (!levels.has(key)) levels.set(key, row(key, unknownLevel))
      return levels.get(key)!
    }
    const authorRow = (name: string) => {
      if (!authors.has(name)) authors.set(name, row(name, name))
      return authors.get(name)!
    }
    const at = (date: string) => ({ month: months[beijingMonth(date) - 1], quarter: quarters[quarterOf(beijingMonth(date)) - 1] })

    if (record.status !== 'pending' && record.submittedAt && beijingYear(record.submittedAt) === year) {
      const { month, quarter } = at(record.submittedAt)
      for (const tally of [total, month, quarter, levelRow()]) credit(tally, { submitted: true })
      for (const name of names) credit(authorRow(name), { submitted: true })
    }

    const outcomeDate = record.publishedOn || record.submittedAt
    if (isScored(record.status) && outcomeDate && beijingYear(outcomeDate) === year) {
      const points = record.points ?? 0
      const { month, quarter } = at(outcomeDate)
      for (const tally of [total, month, quarter, levelRow()]) credit(tally, { outcome: record.status, points })
      for (const name of names) credit(authorRow(name), { outcome: record.status, points: points / names.length })
    }
  }

  const rounded = <T extends Tally>(tally: T): T => ({ ...tally, points: roundPoints(tally.points) })
  const byPointsThenName = (a: StatsRow, b: StatsRow) =>
    b.points - a.points || b.published + b.adopted - (a.published + a.adopted) || b.submitted - a.submitted || a.label.localeCompare(b.label, 'zh-CN')
  return {
    year,
    total: rounded(total),
    months: months.map(rounded),
    quarters: quarters.map(rounded),
    levels: [...levels.values()].filter((r) => r.key !== 'unknown' || r.submitted + r.adopted + r.published > 0).map(rounded),
    authors: [...authors.values()].map(rounded).sort(byPointsThenName),
  }
}
