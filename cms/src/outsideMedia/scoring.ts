// Loads what a record's points depend on (its year's 积分规则, its outlet's level) and re-scores
// stored records when either changes, so a record always shows what the current rules give it.
import type { PayloadRequest, Where } from 'payload'

import { yearBounds } from '../dates'
import type { Submission } from '../payload-types'
import { idOf } from '../relations'
import type { OutletLevel } from './levels'
import { computePoints, pointsYear, type YearRules } from './points'
import { isScored, scoredStatuses, type SubmissionStatus } from './statuses'

export type ScoreFacts = Pick<Submission, 'status' | 'outlet' | 'publishedOn' | 'submittedAt' | 'leaderInstruction'>

/** Remembers rules and levels for one run, so re-scoring a year reads each document once. */
export function scoringLookups(req: PayloadRequest) {
  const rules = new Map<number, Promise<YearRules | null>>()
  const levels = new Map<string, Promise<OutletLevel | undefined>>()
  return {
    rulesFor: (year: number) => {
      if (!rules.has(year)) {
        rules.set(
          year,
          req.payload
            .find({ collection: 'scoring-rules', where: { year: { equals: year } }, limit: 1, depth: 0, overrideAccess: true, req })
            .then(({ docs }) => docs[0] ?? null),
        )
      }
      return rules.get(year)!
    },
    levelOf: (outlet: ScoreFacts['outlet'] | null | undefined) => {
      if (outlet && typeof outlet === 'object' && outlet.level) return Promise.resolve(outlet.level)
      const id = idOf(outlet)
      if (id === undefined) return Promise.resolve(undefined)
      if (!levels.has(String(id))) {
        levels.set(
          String(id),
          req.payload
            .findByID({ collection: 'outlets', id, depth: 0, overrideAccess: true, req, disableErrors: true })
            .then((doc) => doc?.level ?? undefined),
        )
      }
      return levels.get(String(id))!
    },
  }
}

export type ScoringLookups = ReturnType<typeof scoringLookups>

export async function pointsOf(facts: ScoreFacts, lookups: ScoringLookups): Promise<number> {
  const status = facts.status as SubmissionStatus
  const year = pointsYear(facts.publishedOn, facts.submittedAt)
  if (!isScored(status) || year === undefined) return 0
  const [rules, level] = await Promise.all([lookups.rulesFor(year), lookups.levelOf(facts.outlet)])
  return computePoints({ status, level, leaderInstruction: Boolean(facts.leaderInstruction), rules })
}

/** Adopted or published records whose points come from the given year's rules. */
export function scoredInYear(year: number): Where {
  const { from, to } = yearBounds(year)
  return {
    and: [
      { status: { in: [...scoredStatuses] } },
      {
        or: [
          { and: [{ publishedOn: { greater_than_equal: from } }, { publishedOn: { less_than: to } }] },
          { and: [{ publishedOn: { exists: false } }, { submittedAt: { greater_than_equal: from } }, { submittedAt: { less_than: to } }] },
        ],
      },
    ],
  }
}

/**
 * Recomputes the points of the records matching `where` and saves those that changed (through
 * the collection's hooks, in the caller's transaction). Returns how many changed.
 */
export async function rescoreSubmissions(req: PayloadRequest, where: Where): Promise<number> {
  const lookups = scoringLookups(req)
  const { docs } = await req.payload.find({
    collection: 'submissions',
    where,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { status: true, outlet: true, publishedOn: true, submittedAt: true, leaderInstruction: true, points: true },
  })
  let changed = 0
  for (const doc of docs) {
    const points = await pointsOf(doc, lookups)
    if (doc.points === points) continue
    await req.payload.update({ collection: 'submissions', id: doc.id, data: { points }, depth: 0, overrideAccess: true, req })
    changed++
  }
  return changed
}
