// 新媒体发布 in the year's statistics: posts and reads on the court's own accounts, by channel and
// month (in Beijing time, as the 外宣 figures). Pure: records in, table out.
import { beijingMonth, beijingYear } from '../dates'
import { type NewMediaChannel, newMediaChannels } from './channels'

export type NewMediaRecord = { channel: NewMediaChannel; postedAt: string; reads?: number | null }
export type NewMediaRow = { key: string; label: string; posts: number; reads: number }
export type NewMediaStats = { total: NewMediaRow; channels: NewMediaRow[]; months: NewMediaRow[] }

export function summarizeNewMedia(records: readonly NewMediaRecord[], year: number): NewMediaStats {
  const total: NewMediaRow = { key: 'total', label: `${year}年`, posts: 0, reads: 0 }
  const channels = newMediaChannels.map(({ value, label }) => ({ key: value, label, posts: 0, reads: 0 }))
  const months = Array.from({ length: 12 }, (_, i) => ({ key: String(i + 1), label: `${i + 1}月`, posts: 0, reads: 0 }))
  for (const record of records) {
    if (!record.postedAt || beijingYear(record.postedAt) !== year) continue
    const channel = channels.find((row) => row.key === record.channel) ?? channels[channels.length - 1]
    for (const row of [total, channel, months[beijingMonth(record.postedAt) - 1]]) {
      row.posts += 1
      row.reads += record.reads ?? 0
    }
  }
  return { total, channels: channels.filter((row) => row.posts > 0), months }
}
