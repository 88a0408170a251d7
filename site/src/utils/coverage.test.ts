import { describe, expect, it } from 'vitest'

import { byYear, coverageOf, issueAndPage, shownCoverage } from './coverage'

const entry = (id: string, data: Record<string, unknown>) => ({ id, data: { outlet: '新华网', outcome: '刊发', ...data } })
const item = (slug: string) => ({ collection: 'news' as const, slug, title: `稿件 ${slug}` })

describe('coverage', () => {
  const entries = [
    entry('a', { item: item('one'), publishedOn: new Date('2025-03-01T02:00:00Z') }),
    entry('b', { item: item('two'), publishedOn: new Date('2025-06-01T02:00:00Z') }),
    entry('c', { publishedOn: new Date('2025-07-01T02:00:00Z') }), // its item is not public
    entry('d', { item: item('one') }),
    entry('e', { item: item('one'), publishedOn: new Date('2024-12-31T17:00:00Z') }), // 2025-01-01 in Beijing
  ]

  it('shows only coverage of public items, newest first, undated last', () => {
    expect(shownCoverage(entries).map((e) => e.id)).toEqual(['b', 'a', 'e', 'd'])
  })

  it('finds one item’s coverage', () => {
    expect(coverageOf(entries, 'news', 'one').map((e) => e.id)).toEqual(['a', 'e', 'd'])
    expect(coverageOf(entries, 'stories', 'one')).toEqual([])
  })

  it('groups by the year in Beijing time', () => {
    expect(byYear(shownCoverage(entries)).map(([year, list]) => [year, list.map((e) => e.id)])).toEqual([
      [2025, ['b', 'a', 'e']],
      [undefined, ['d']],
    ])
  })

  it('writes issue and page the way papers print them', () => {
    expect(issueAndPage({ issue: '12', page: '3' })).toBe('第 12 期 · 第 3 版')
    expect(issueAndPage({ issue: '第5期' })).toBe('第5期')
    expect(issueAndPage({})).toBeUndefined()
  })
})
