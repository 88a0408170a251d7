// 外宣报送 records for the demo, drawn from the report's outside-media results: the “六善” culture
// carried by 新华网, and the 诉源治理 experience printed in the 省高院信息简报 for the whole province
// (with a leader's instruction). Issue numbers, instructions and the rest are invented (示例).
import type { SubmissionSeed } from './types'

const li = { name: '办公室 李某', user: 'editor' } as const
const zhang = { name: '民一庭 张某', role: 'correspondent', user: 'contributor' } as const

export const submissions: SubmissionSeed[] = [
  {
    item: { collection: 'news', slug: '2025-liushan-wenhua-tixi' },
    outlet: '新华网',
    kind: 'article',
    authors: [li],
    steps: [
      { status: 'submitted', on: '2025-02-19' },
      { status: 'published', on: '2025-03-01' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-faguan-gongzuozhan-quanfugai' },
    outlet: '中国法院网',
    kind: 'article',
    authors: [{ name: '立案庭 马某' }, zhang],
    steps: [
      { status: 'submitted', on: '2025-01-20' },
      { status: 'published', on: '2025-02-12' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-liusanyiyi-gongzuofa' },
    outlet: '省高院信息简报',
    kind: 'information',
    authors: [li, { name: '立案庭 马某' }],
    // Adopted first, then printed for the whole province.
    steps: [
      { status: 'submitted', on: '2025-04-28' },
      { status: 'adopted', on: '2025-05-12' },
      { status: 'published', on: '2025-05-26' },
    ],
    issue: '第 23 期（示例）',
    leaderInstruction: true,
    leaderNote: '省法院院领导批示：湖西法院“六三一一”工作法扎根基层、就地化解矛盾，值得各地学习借鉴。（示例）',
  },
  {
    item: { collection: 'news', slug: '2025-faguan-gongzuozhan-quanfugai' },
    outlet: '市委深改委工作简报',
    kind: 'information',
    authors: [li],
    steps: [
      { status: 'submitted', on: '2025-05-20' },
      { status: 'published', on: '2025-06-06' },
    ],
    issue: '第 9 期（示例）',
  },
  {
    item: { collection: 'news', slug: '2025-zhihui-fayuan-quansheng-diyi' },
    outlet: '人民法院报',
    kind: 'article',
    authors: [{ name: '信息技术科 吴某' }, li],
    steps: [
      { status: 'submitted', on: '2025-05-22' },
      { status: 'adopted', on: '2025-06-09' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-fuwu-zhongdian-chanye' },
    outlet: '法治日报',
    kind: 'article',
    authors: [{ name: '研究室 陈某' }],
    steps: [
      { status: 'submitted', on: '2025-03-28' },
      { status: 'rejected' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-sanjin-pufa-huodong' },
    outlet: '省广播电视台',
    kind: 'article',
    authors: [li, zhang],
    // Not taken at first; sent again with new material and broadcast.
    steps: [
      { status: 'submitted', on: '2025-06-20' },
      { status: 'rejected' },
      { status: 'submitted', on: '2025-07-02' },
      { status: 'published', on: '2025-07-09' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-huxi-faguan-jiangtang' },
    outlet: '省法院网',
    kind: 'article',
    authors: [{ name: '政治部 张某' }],
    steps: [
      { status: 'submitted', on: '2025-04-16' },
      { status: 'published', on: '2025-04-21' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-zhixiao-zhibiao-qianlie' },
    outlet: '省高院信息简报',
    kind: 'information',
    authors: [{ name: '审管办 刘某' }],
    steps: [
      { status: 'submitted', on: '2025-06-17' },
      { status: 'adopted', on: '2025-07-03' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-yuanlingdao-banan' },
    outlet: '市中院信息简报',
    kind: 'information',
    authors: [{ name: '审管办 刘某' }],
    steps: [
      { status: 'submitted', on: '2025-03-05' },
      { status: 'adopted', on: '2025-03-14' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-dangzhibu-huanjie' },
    outlet: '市中院信息简报',
    kind: 'information',
    authors: [{ name: '政治部 张某' }],
    steps: [
      { status: 'submitted', on: '2025-06-19' },
      { status: 'adopted', on: '2025-06-26' },
      { status: 'published', on: '2025-07-08' },
    ],
    issue: '第 14 期（示例）',
  },
  {
    item: { collection: 'events', slug: '2025-liuyi-fayuan-kaifangri' },
    outlet: '市电视台',
    kind: 'article',
    authors: [{ name: '办公室 孙某' }],
    steps: [
      { status: 'submitted', on: '2025-05-30' },
      { status: 'published', on: '2025-05-31' },
    ],
  },
  {
    item: { collection: 'stories', slug: '2025-qingshi-paishuigou' },
    outlet: '县融媒体中心',
    kind: 'article',
    authors: [{ name: '立案庭 马某' }],
    steps: [
      { status: 'submitted', on: '2025-01-23' },
      { status: 'published', on: '2025-01-26' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-dangjian-zhanting' },
    outlet: '县委信息',
    kind: 'information',
    authors: [{ name: '政治部 张某' }],
    steps: [
      { status: 'submitted', on: '2025-03-21' },
      { status: 'adopted', on: '2025-03-28' },
    ],
  },
  {
    item: { collection: 'families', slug: '2025-zhang-jiating' },
    outlet: '县委信息',
    kind: 'information',
    authors: [{ name: '政治部 张某' }],
    steps: [
      { status: 'submitted', on: '2025-06-23' },
      { status: 'adopted', on: '2025-06-30' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-qinglan-gongcheng' },
    outlet: '人民网',
    kind: 'article',
    authors: [{ name: '政治部 张某' }],
    steps: [{ status: 'submitted', on: '2025-06-26' }],
  },
  // This year's work.
  {
    item: { collection: 'stories', slug: '2025-qingshi-paishuigou' },
    outlet: '人民法院报',
    kind: 'article',
    authors: [{ name: '立案庭 马某' }, li],
    steps: [
      { status: 'submitted', on: '2026-02-10' },
      { status: 'published', on: '2026-03-05' },
    ],
    page: '第 3 版（示例）',
  },
  {
    item: { collection: 'stories', slug: '2025-liji-fangzha-zixun' },
    outlet: '县融媒体中心',
    kind: 'article',
    authors: [zhang],
    steps: [
      { status: 'submitted', on: '2026-04-02' },
      { status: 'published', on: '2026-04-08' },
    ],
  },
  {
    item: { collection: 'news', slug: '2025-qinglan-gongcheng' },
    outlet: '市中院信息简报',
    kind: 'information',
    authors: [{ name: '政治部 张某' }],
    steps: [
      { status: 'submitted', on: '2026-05-12' },
      { status: 'adopted', on: '2026-05-20' },
    ],
  },
  {
    item: { collection: 'stories', slug: '2025-huaishu-liuzhuan-zujin' },
    outlet: '中国法院网',
    kind: 'article',
    authors: [zhang],
    steps: [],
  },
]
