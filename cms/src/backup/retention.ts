// Which archives to keep: the newest of each of the last N days, ISO weeks and months (Beijing
// calendar), like most backup tools' "grandfather-father-son" rule. Everything else is pruned.
export type RetentionRule = { daily: number; weekly: number; monthly: number }

export type Dated = { name: string; at: Date }

const beijingOffsetMs = 8 * 3600_000

/** Calendar keys in Beijing time (no daylight saving there, so a fixed offset is exact). */
function keys(at: Date) {
  const local = new Date(at.getTime() + beijingOffsetMs)
  const day = local.toISOString().slice(0, 10)
  const month = day.slice(0, 7)
  // ISO week: the Thursday of this week decides the year.
  const thursday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()))
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7))
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1)
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86400_000)) + 1
  return { day, week: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`, month }
}

/** Splits archives into those the rule keeps and those to prune. Archives dated after `now` are kept. */
export function applyRetention<T extends Dated>(archives: T[], rule: RetentionRule, now: Date): { keep: T[]; prune: T[] } {
  const newestFirst = [...archives].sort((a, b) => b.at.getTime() - a.at.getTime())
  const kept = new Set<T>()
  for (const [period, limit] of [['day', rule.daily], ['week', rule.weekly], ['month', rule.monthly]] as const) {
    const seen = new Set<string>()
    for (const archive of newestFirst) {
      if (archive.at > now) continue
      const key = keys(archive.at)[period]
      if (seen.has(key)) continue
      if (seen.size >= limit) break
      seen.add(key)
      kept.add(archive)
    }
  }
  for (const archive of newestFirst) if (archive.at > now) kept.add(archive)
  return { keep: newestFirst.filter((a) => kept.has(a)), prune: newestFirst.filter((a) => !kept.has(a)) }
}
