// An outlet's level changed: its adopted and published records are worth what the new level gives.
import type { CollectionAfterChangeHook } from 'payload'

import type { Outlet } from '../../../payload-types'
import { rescoreSubmissions } from '../../../outsideMedia/scoring'
import { scoredStatuses } from '../../../outsideMedia/statuses'

export const rescoreOutlet: CollectionAfterChangeHook<Outlet> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || previousDoc?.level === doc.level) return doc
  await rescoreSubmissions(req, { and: [{ outlet: { equals: doc.id } }, { status: { in: [...scoredStatuses] } }] })
  return doc
}
