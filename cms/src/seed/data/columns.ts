// Demo content drawn from the court's 2025 half-year Party-building report; names and places are demo (示例).
import type { ColumnSeed } from './types'

export const columns: ColumnSeed[] = [
  {
    slug: 'liushan-culture',
    title: '六善文化',
    description: '展示我院吸纳本土“善”文化精髓、以党建文化为引领打造的“六善”法院文化体系。',
    order: 10,
  },
  {
    slug: 'party-building',
    title: '党建引领',
    description: '记录院党组创建“模范机关+N”工程、推动党建与审判业务深度融合的实践。',
    order: 20,
  },
  {
    slug: 'trials',
    title: '审判动态',
    description: '报道院领导办案、质效提升、智慧法院建设等审判执行工作的最新进展。',
    order: 30,
  },
  {
    slug: 'source-governance',
    title: '诉源治理',
    description: '介绍“六三一一”工作法和全县法官工作站推动矛盾纠纷就地化解的做法。',
    order: 40,
  },
  {
    slug: 'law-promotion',
    title: '普法宣传',
    description: '呈现法官进社区、进乡村、进校园开展法律咨询、法治讲座和民法典宣传的活动。',
    order: 50,
  },
  {
    slug: 'integrity',
    title: '清廉法院',
    description: '聚焦廉政教育、“以案促改”警示教育和家庭助廉，营造风清气正的法院政治生态。',
    order: 60,
  },
  {
    slug: 'media-coverage',
    title: '媒体聚焦',
    description: '汇集各级媒体和上级机关对我院经验做法的刊载与推广。',
    order: 70,
  },
]
