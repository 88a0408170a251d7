// 积分规则 for the demo years. Illustrative only (示例): each court sets its own in its yearly
// assessment rules, and administrators edit them in the admin.
import type { ScoringRulesSeed } from './types'

const rules2025: ScoringRulesSeed['rules'] = [
  { level: 'national', outcome: 'published', points: 50 },
  { level: 'national', outcome: 'adopted', points: 30 },
  { level: 'provincial', outcome: 'published', points: 20 },
  { level: 'provincial', outcome: 'adopted', points: 10 },
  // 省高院信息简报 and 省法院网: adopted is what counts; a printed item scores the same.
  { level: 'internal', outcome: 'adopted', points: 5 },
  { level: 'municipal', outcome: 'published', points: 5 },
  { level: 'municipal', outcome: 'adopted', points: 3 },
  { level: 'county', outcome: 'published', points: 2 },
  { level: 'county', outcome: 'adopted', points: 1 },
]

export const scoringRules: ScoringRulesSeed[] = [
  {
    year: 2025,
    rules: rules2025,
    instructionBonus: 10,
    notes: '示例规则，仅供演示，请按本院当年外宣工作考核办法修改。系统内（省高院信息简报、省法院网）只设“已采用”，刊发按采用计分；获领导批示另加 10 分。',
  },
  {
    year: 2026,
    rules: rules2025.map((rule) => (rule.level === 'provincial' && rule.outcome === 'published' ? { ...rule, points: 25 } : rule)),
    instructionBonus: 10,
    notes: '示例规则，仅供演示。与 2025 年相比，省级媒体刊发由 20 分调整为 25 分。',
  },
]
