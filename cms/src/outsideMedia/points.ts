// 积分: what one 外宣报送 record is worth under its year's 积分规则. Pure, so every case is tested
// without a database; the hook (collections/submissions/hooks/enforceSubmissionRules.ts) gathers the facts.
import { beijingYear } from '../dates'
import type { ScoringRule } from '../payload-types'
import type { OutletLevel } from './levels'
import { isScored, type SubmissionStatus } from './statuses'

export type YearRules = Pick<ScoringRule, 'rules' | 'instructionBonus'>

export type PointsFacts = {
  status: SubmissionStatus
  /** The outlet's level; undefined when the outlet is unknown. */
  level: OutletLevel | undefined
  leaderInstruction: boolean
  /** The 积分规则 of the record's year; null or undefined when that year has none. */
  rules: YearRules | null | undefined
}

const pointsFor = (rules: YearRules, level: OutletLevel, outcome: 'adopted' | 'published'): number | undefined =>
  rules.rules?.find((rule) => rule.level === level && rule.outcome === outcome)?.points ?? undefined

/**
 * 0 unless adopted or published, and 0 when the year has no rules. Otherwise the rule for the
 * outlet's level and outcome — published uses the 已刊发 rule, or the 已采用 rule when the year
 * sets none for that level (a bulletin that prints what it adopts) — plus the year's 领导批示
 * bonus when the record has an instruction.
 */
export function computePoints({ status, level, leaderInstruction, rules }: PointsFacts): number {
  if (!isScored(status) || !rules) return 0
  const base = level === undefined ? 0 : status === 'published' ? (pointsFor(rules, level, 'published') ?? pointsFor(rules, level, 'adopted') ?? 0) : (pointsFor(rules, level, 'adopted') ?? 0)
  const bonus = leaderInstruction ? (rules.instructionBonus ?? 0) : 0
  return base + bonus
}

/** The year whose rules apply: the year adopted or published, or failing that the year sent (Beijing calendar). */
export function pointsYear(publishedOn: string | null | undefined, submittedAt: string | null | undefined): number | undefined {
  const date = publishedOn || submittedAt
  return date ? beijingYear(date) : undefined
}

/** Rows that repeat a level and outcome, which would leave a record's points ambiguous. */
export function duplicateRules(rules: readonly { level?: string | null; outcome?: string | null }[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const { level, outcome } of rules) {
    const key = `${level}/${outcome}`
    if (seen.has(key)) repeated.add(key)
    seen.add(key)
  }
  return [...repeated]
}
