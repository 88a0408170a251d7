// A year's 积分规则 changed (or was deleted): re-score that year's adopted and published records,
// so editing the rules in the admin takes effect on every record at once.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { ScoringRule } from '../../../payload-types'
import { rescoreSubmissions, scoredInYear } from '../../../outsideMedia/scoring'

export const rescoreChangedYears: CollectionAfterChangeHook<ScoringRule> = async ({ doc, previousDoc, req }) => {
  const years = new Set([doc.year, previousDoc?.year].filter((year): year is number => typeof year === 'number'))
  for (const year of years) {
    const changed = await rescoreSubmissions(req, scoredInYear(year))
    if (changed) req.payload.logger.info(`积分规则（${year} 年）已修改，重新计算了 ${changed} 条外宣报送的积分。`)
  }
  return doc
}

export const rescoreDeletedYear: CollectionAfterDeleteHook<ScoringRule> = async ({ doc, req }) => {
  await rescoreSubmissions(req, scoredInYear(doc.year))
  return doc
}
