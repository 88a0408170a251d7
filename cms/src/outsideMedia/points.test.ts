// 积分 and the status path as pure functions: every case without a database.
import { describe, expect, it } from 'vitest'

import { computePoints, duplicateRules, pointsYear, type YearRules } from './points'
import type { SubmissionStatus } from './statuses'
import { refuseTransition } from './statusPath'

const rules: YearRules = {
  rules: [
    { level: 'national', outcome: 'published', points: 50 },
    { level: 'national', outcome: 'adopted', points: 30 },
    { level: 'internal', outcome: 'adopted', points: 5 },
    { level: 'county', outcome: 'published', points: 2 },
  ],
  instructionBonus: 10,
}

describe('computePoints', () => {
  it('gives nothing before an outcome, or for 未采用, whatever the instruction', () => {
    for (const status of ['pending', 'submitted', 'rejected'] as const) {
      expect(computePoints({ status, level: 'national', leaderInstruction: true, rules }), status).toBe(0)
    }
  })

  it('scores by the outlet level and the outcome', () => {
    expect(computePoints({ status: 'published', level: 'national', leaderInstruction: false, rules })).toBe(50)
    expect(computePoints({ status: 'adopted', level: 'national', leaderInstruction: false, rules })).toBe(30)
  })

  it('scores a publication by the 已采用 rule when the level has no 已刊发 rule, never the other way round', () => {
    expect(computePoints({ status: 'published', level: 'internal', leaderInstruction: false, rules })).toBe(5)
    expect(computePoints({ status: 'adopted', level: 'county', leaderInstruction: false, rules })).toBe(0)
  })

  it('adds the year’s 领导批示 bonus to adopted and published records', () => {
    expect(computePoints({ status: 'published', level: 'internal', leaderInstruction: true, rules })).toBe(15)
    expect(computePoints({ status: 'adopted', level: 'provincial', leaderInstruction: true, rules })).toBe(10)
    expect(computePoints({ status: 'adopted', level: 'national', leaderInstruction: true, rules: { ...rules, instructionBonus: null } })).toBe(30)
  })

  it('gives 0 when the year has no rules', () => {
    expect(computePoints({ status: 'published', level: 'national', leaderInstruction: true, rules: null })).toBe(0)
    expect(computePoints({ status: 'published', level: 'national', leaderInstruction: false, rules: { rules: [] } })).toBe(0)
  })
})

describe('pointsYear', () => {
  it('is the Beijing year of the 采用/刊发日期, else of the 报送日期', () => {
    expect(pointsYear('2025-06-01T04:00:00.000Z', '2024-12-20T04:00:00.000Z')).toBe(2025)
    expect(pointsYear(null, '2024-12-20T04:00:00.000Z')).toBe(2024)
    expect(pointsYear(undefined, undefined)).toBeUndefined()
    // 00:30 on 1 January in Beijing is still 31 December in UTC.
    expect(pointsYear('2025-12-31T16:30:00.000Z', null)).toBe(2026)
  })
})

describe('duplicateRules', () => {
  it('names a level and outcome set twice', () => {
    expect(duplicateRules(rules.rules!)).toEqual([])
    expect(duplicateRules([...rules.rules!, { level: 'national', outcome: 'adopted' }])).toEqual(['national/adopted'])
  })
})

describe('refuseTransition', () => {
  const statuses: SubmissionStatus[] = ['pending', 'submitted', 'adopted', 'published', 'rejected']
  // The path as the office describes it, written out pair by pair.
  const allowed = new Set([
    'new→pending',
    'new→submitted',
    'pending→submitted',
    'submitted→adopted',
    'submitted→published',
    'submitted→rejected',
    'adopted→published',
    'rejected→submitted',
    ...statuses.map((s) => `${s}→${s}`),
  ])

  it('allows exactly the path, and keeping a status', () => {
    for (const from of [undefined, ...statuses]) {
      for (const to of statuses) {
        const pair = `${from ?? 'new'}→${to}`
        expect(refuseTransition(from, to) === null, pair).toBe(allowed.has(pair))
      }
    }
  })

  it('names both states in Chinese when it refuses', () => {
    expect(refuseTransition('published', 'submitted')).toBe('报送状态不能从“已刊发”改为“已报送”。“已刊发”是最终状态，不能再改。')
    expect(refuseTransition('pending', 'adopted')).toContain('不能从“待报送”改为“已采用”。“待报送”的记录只能改为“已报送”。')
    expect(refuseTransition(undefined, 'published')).toContain('不能直接设为“已刊发”')
  })
})
