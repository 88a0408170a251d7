// The year's 外宣统计 as one table Excel opens: UTF-8 with a byte-order mark, CRLF lines, Chinese headers.
import { toCsv } from '../csv'
import type { OutsideMediaStats, StatsRow } from './stats'

export const statsCsvHeader = ['统计类别', '项目', '报送数', '采用数', '刊发数', '积分'] as const

/** Every row of the CSV, header first: the months, quarters, the year, then by level and by author. */
export function statsRows(stats: OutsideMediaStats): string[][] {
  const line = (group: string, r: Pick<StatsRow, 'label' | 'submitted' | 'adopted' | 'published' | 'points'>) => [
    group,
    r.label,
    String(r.submitted),
    String(r.adopted),
    String(r.published),
    String(r.points),
  ]
  return [
    [...statsCsvHeader],
    ...stats.months.map((r) => line('月份', r)),
    ...stats.quarters.map((r) => line('季度', r)),
    line('年度', { label: `${stats.year}年`, ...stats.total }),
    ...stats.levels.map((r) => line('媒体级别', r)),
    ...stats.authors.map((r) => line('作者', r)),
    // The court's own accounts, as a second table under the first: posts and reads, not points.
    ...(stats.newMedia?.total.posts
      ? [
          [],
          ['新媒体发布', '项目', '发布数', '阅读量'],
          ...[...stats.newMedia.channels, stats.newMedia.total].map((r) => ['新媒体发布', r.label, String(r.posts), String(r.reads)]),
        ]
      : []),
  ]
}

export function statsToCsv(stats: OutsideMediaStats): string {
  return toCsv(statsRows(stats))
}
