// Gathers the facts the freshness widget judges: each 栏目's newest published news item, and the
// newest published item of any kind, dated as the portal shows it. Items dated after `now` (an
// upcoming 活动, a news item scheduled ahead) are not updates yet, so they do not count.
import type { Payload } from 'payload'

import { type ReviewedCollection, reviewedCollections, reviewedTypes, titleOf } from '../../workflow/reviewed'
import { assessFreshness, type ColumnInput, type Freshness, type LastItem, newest } from './freshness'

const published = { _status: { equals: 'published' } } as const

async function newestPublished(payload: Payload, collection: ReviewedCollection, now: Date): Promise<LastItem | null> {
  const { dateField, titleField, label } = reviewedTypes[collection]
  const { docs } = await payload.find({
    collection,
    where: { and: [published, { [dateField]: { less_than_equal: now.toISOString() } }] },
    sort: `-${dateField}`,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { [titleField]: true, [dateField]: true },
  })
  const doc = docs[0] as unknown as Record<string, unknown> | undefined
  if (!doc?.[dateField]) return null
  return { at: String(doc[dateField]), title: titleOf(collection, doc), typeLabel: label }
}

async function lastNewsOf(payload: Payload, columnId: number | string, now: Date): Promise<string | null> {
  const { docs } = await payload.find({
    collection: 'news',
    where: { and: [published, { column: { equals: columnId } }, { publishedAt: { less_than_equal: now.toISOString() } }] },
    sort: '-publishedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { publishedAt: true },
  })
  return docs[0]?.publishedAt ?? null
}

export async function loadFreshness(payload: Payload, now = new Date()): Promise<Freshness> {
  const { docs: columns } = await payload.find({ collection: 'columns', sort: 'order', pagination: false, depth: 0, overrideAccess: true })
  const [homeCandidates, columnInputs] = await Promise.all([
    Promise.all(reviewedCollections.map((collection) => newestPublished(payload, collection, now))),
    Promise.all(
      columns.map(
        async (column): Promise<ColumnInput> => ({
          id: column.id,
          title: column.title,
          updateCycleDays: column.updateCycleDays,
          lastPublishedAt: await lastNewsOf(payload, column.id, now),
        }),
      ),
    ),
  ])
  return assessFreshness({ now, homeLast: newest(homeCandidates), columns: columnInputs })
}
