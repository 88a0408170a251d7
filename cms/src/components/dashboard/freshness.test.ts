import { describe, expect, it } from 'vitest'

import { assessColumn, assessFreshness, assessHome, newest } from './freshness'

// A fixed "now": 2025-06-15 10:00 Beijing time.
const now = new Date('2025-06-15T10:00:00+08:00')
const daysAgo = (days: number, time = '09:00:00') => {
  const day = new Date(Date.UTC(2025, 5, 15 - days))
  return `${day.toISOString().slice(0, 10)}T${time}+08:00`
}

describe('home page', () => {
  it('is fresh while its newest item is less than 14 days old', () => {
    const home = assessHome({ at: daysAgo(13), title: '新闻甲', typeLabel: '新闻' }, now)
    expect(home.daysSince).toBe(13)
    expect(home.warning).toBeUndefined()
  })

  it('warns once 14 days have passed without a new item', () => {
    expect(assessHome({ at: daysAgo(14), title: '新闻甲', typeLabel: '新闻' }, now).warning).toBe('首页已 14 天没有新发布的稿件（应每 14 天内更新）')
    expect(assessHome({ at: daysAgo(40), title: '新闻甲', typeLabel: '新闻' }, now).daysSince).toBe(40)
  })

  it('counts Beijing calendar days: late last night is yesterday', () => {
    expect(assessHome({ at: daysAgo(1, '23:30:00'), title: '新闻甲', typeLabel: '新闻' }, now).daysSince).toBe(1)
    expect(assessHome({ at: daysAgo(0, '00:05:00'), title: '新闻甲', typeLabel: '新闻' }, now).daysSince).toBe(0)
  })

  it('counts an item dated in the future (an upcoming event) as today', () => {
    const home = assessHome({ at: '2025-07-01T09:00:00+08:00', title: '普法讲座', typeLabel: '普法活动' }, now)
    expect(home.daysSince).toBe(0)
    expect(home.warning).toBeUndefined()
  })

  it('warns when nothing has been published at all', () => {
    expect(assessHome(null, now)).toEqual({ last: null, daysSince: null, warning: '首页还没有发布任何稿件' })
  })

  it('takes the newest item of any kind', () => {
    const items = [
      { at: daysAgo(20), title: '新闻', typeLabel: '新闻' },
      null,
      { at: daysAgo(2), title: '故事', typeLabel: '工作站故事' },
      { at: daysAgo(5), title: '活动', typeLabel: '普法活动' },
    ]
    expect(newest(items)?.title).toBe('故事')
    expect(newest([null, undefined])).toBeNull()
  })
})

describe('columns', () => {
  it('calls a column without published news 空白栏目', () => {
    expect(assessColumn({ id: 1, title: '媒体聚焦', updateCycleDays: 180, lastPublishedAt: null }, now)).toMatchObject({
      status: 'empty',
      warning: '空白栏目',
      daysSince: null,
      lastPublishedAt: null,
    })
  })

  it('calls a column older than its update cycle 超期未更新, and one on the cycle day still current', () => {
    expect(assessColumn({ id: 1, title: '审判动态', updateCycleDays: 14, lastPublishedAt: daysAgo(15) }, now)).toMatchObject({
      status: 'stale',
      warning: '超期未更新',
      daysSince: 15,
      cycleDays: 14,
    })
    const onCycleDay = assessColumn({ id: 1, title: '审判动态', updateCycleDays: 14, lastPublishedAt: daysAgo(14) }, now)
    expect(onCycleDay).toMatchObject({ status: 'ok', daysSince: 14 })
    expect(onCycleDay.warning).toBeUndefined()
  })

  it('uses 180 days when a column has no cycle set', () => {
    const column = { id: 1, title: '六善文化', updateCycleDays: null, lastPublishedAt: daysAgo(181) }
    expect(assessColumn(column, now)).toMatchObject({ cycleDays: 180, status: 'stale' })
    expect(assessColumn({ ...column, lastPublishedAt: daysAgo(180) }, now)).toMatchObject({ status: 'ok' })
  })
})

describe('the whole picture', () => {
  it('counts every warning, home page included', () => {
    const freshness = assessFreshness({
      now,
      homeLast: { at: daysAgo(30), title: '旧新闻', typeLabel: '新闻' },
      columns: [
        { id: 1, title: '六善文化', updateCycleDays: 180, lastPublishedAt: daysAgo(30) },
        { id: 2, title: '审判动态', updateCycleDays: 14, lastPublishedAt: daysAgo(30) },
        { id: 3, title: '媒体聚焦', updateCycleDays: 180 },
      ],
    })
    expect(freshness.columns.map((c) => c.status)).toEqual(['ok', 'stale', 'empty'])
    expect(freshness.home.warning).toBeDefined()
    expect(freshness.warningCount).toBe(3)
  })
})
