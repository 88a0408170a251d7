// Reads a year's 外宣报送 records for the statistics, with the system's rights: callers decide who may see them.
import type { Payload, PayloadRequest } from 'payload'

import { beijingYear, yearBounds } from '../dates'
import { idOf } from '../relations'
import type { OutletLevel } from './levels'
import { type NewMediaRecord, summarizeNewMedia } from './newMediaStats'
import { type OutsideMediaStats, type StatsRecord, summarize } from './stats'
import type { SubmissionStatus } from './statuses'

const shiftDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString()

export async function loadStats(payload: Payload, year: number, req?: PayloadRequest): Promise<OutsideMediaStats> {
  const { from, to } = yearBounds(year)
  const inYear = (field: string) => ({ and: [{ [field]: { greater_than_equal: from } }, { [field]: { less_than: to } }] })
  const [{ docs }, { docs: outlets }, { docs: posts }] = await Promise.all([
    payload.find({
      collection: 'submissions',
      where: { or: [inYear('submittedAt'), inYear('publishedOn')] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { status: true, submittedAt: true, publishedOn: true, points: true, outlet: true, authors: true },
    }),
    payload.find({ collection: 'outlets', pagination: false, depth: 0, overrideAccess: true, req, select: { level: true } }),
    payload.find({
      collection: 'new-media-posts',
      // A day's margin each side: the SQLite adapter's date comparison missed a post at 23:30 on
      // 31 December Beijing time. summarizeNewMedia keeps only the year's own posts.
      where: { and: [{ postedAt: { greater_than_equal: shiftDays(from, -1) } }, { postedAt: { less_than: shiftDays(to, 1) } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { channel: true, postedAt: true, reads: true },
    }),
  ])
  const levels = new Map(outlets.map((outlet) => [outlet.id, outlet.level as OutletLevel]))
  const records: StatsRecord[] = docs.map((doc) => ({
    status: doc.status as SubmissionStatus,
    submittedAt: doc.submittedAt,
    publishedOn: doc.publishedOn,
    points: doc.points,
    level: levels.get(idOf(doc.outlet) as number),
    authors: (doc.authors ?? []).map((author) => author.name),
  }))
  return { ...summarize(records, year), newMedia: summarizeNewMedia(posts as NewMediaRecord[], year) }
}

/** The latest year with a record sent or adopted, for pointing to it when the current year is empty. */
export async function latestYearWithRecords(payload: Payload): Promise<number | undefined> {
  const newest = (field: 'submittedAt' | 'publishedOn') =>
    payload
      .find({ collection: 'submissions', where: { [field]: { exists: true } }, sort: `-${field}`, limit: 1, depth: 0, overrideAccess: true, select: { [field]: true } })
      .then(({ docs }) => (docs[0]?.[field] ? beijingYear(docs[0][field]!) : undefined))
  const years = (await Promise.all([newest('submittedAt'), newest('publishedOn')])).filter((y): y is number => y !== undefined)
  return years.length ? Math.max(...years) : undefined
}
