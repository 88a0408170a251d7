import { describe, expect, it } from 'vitest'

import type { SignoffRecord } from './record'
import { recordToCsv, recordToHtml } from './recordFormats'

const record: SignoffRecord = {
  courtName: '湖西县人民法院',
  collection: 'news',
  collectionLabel: '新闻',
  id: '7',
  title: '标题<b>加粗</b>',
  grade: '敏感',
  state: '待签发',
  authorId: 1,
  rows: [
    { time: '2025-05-01 09:00', action: '提交审核', fromState: '草稿', toState: '待审核', actorName: '张三', actorRole: '通讯员', comment: '' },
    { time: '2025-05-01 10:00', action: '退回', fromState: '待审核', toState: '已退回', actorName: '李四', actorRole: '审核', comment: '=HYPERLINK("x"),\n第二行' },
  ],
  workflow: { state: 'returned', grade: 'sensitive', published: false, firstSignerId: undefined, lastReturn: undefined },
}

describe('审签单 HTML', () => {
  it('escapes what people typed', () => {
    const html = recordToHtml(record, { at: '2025-05-02 08:00', by: '王五' })
    expect(html).toContain('标题&lt;b&gt;加粗&lt;/b&gt;')
    expect(html).not.toContain('<b>加粗')
    expect(html).toContain('审签记录（共 2 条）')
    expect(html).toContain('李四（审核）')
    expect(html).toContain('@page { size: A4')
  })

  it('has a box per stage, 初审 复审 终审, each with signature and date lines', () => {
    const approved = { ...record, rows: [...record.rows, { time: '2025-05-03 11:00', action: '审核通过', fromState: '待审核', toState: '待签发', actorName: '赵六', actorRole: '审核', comment: '' }] }
    const html = recordToHtml(approved, { at: '', by: '' })
    const stages = html.slice(html.indexOf('三审签署'), html.indexOf('<table class="steps">'))
    expect([...stages.matchAll(/<th scope="row">(.{2})<br>/g)].map((m) => m[1])).toEqual(['初审', '复审', '终审'])
    expect(stages.match(/签名：/g)).toHaveLength(3)
    expect(stages).toContain('系统记录：张三（通讯员）于 2025-05-01 09:00 提交审核')
    expect(stages).toContain('系统记录：赵六（审核）于 2025-05-03 11:00 审核通过')
    expect(stages).toContain('尚未进行')
  })

  it('says so when there are no steps yet', () => {
    expect(recordToHtml({ ...record, rows: [] }, { at: '', by: '' })).toContain('尚无审签记录')
  })
})

describe('审签记录 CSV', () => {
  it('starts with a byte-order mark, uses CRLF and quotes cells that need it', () => {
    const csv = recordToCsv(record)
    expect(csv.startsWith('\uFEFF序号,时间,操作,原状态,新状态,操作人,角色,意见\r\n')).toBe(true)
    expect(csv).toContain('1,2025-05-01 09:00,提交审核,草稿,待审核,张三,通讯员,\r\n')
    // A comment that looks like a formula is kept as text.
    expect(csv).toContain(`2,2025-05-01 10:00,退回,待审核,已退回,李四,审核,"'=HYPERLINK(""x""),\n第二行"\r\n`)
  })
})
