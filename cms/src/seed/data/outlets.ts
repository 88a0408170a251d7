// 媒体与简报 the court sends its stories to. Names of national outlets are real; contacts and the
// provincial, city and county channels are invented (示例).
//
// Levels: court-system channels of the 省高院 (its 信息简报 and website) are 系统内, scored by
// their own rule; provincial media outside the courts are 省级; the 市中院 and other city
// channels 市级; county channels 县级.
import type { OutletSeed } from './types'

export const outlets: OutletSeed[] = [
  { name: '新华网', level: 'national', kind: 'media', website: 'https://www.xinhuanet.com', contact: '地方频道编辑部 王某 · 010-00000001（示例）' },
  { name: '人民网', level: 'national', kind: 'media', website: 'http://www.people.com.cn', contact: '法治频道 投稿邮箱 fazhi-tougao@example.com（示例）' },
  { name: '人民法院报', level: 'national', kind: 'media', website: 'http://rmfyb.chinacourt.cn', contact: '地方新闻部 赵某 · 010-00000003（示例）', notes: '报纸版面刊发的，请上传当期版面作为刊用证明。' },
  { name: '中国法院网', level: 'national', kind: 'media', website: 'https://www.chinacourt.org', contact: '地方法院频道 投稿邮箱 difang@example.com（示例）' },
  { name: '法治日报', level: 'national', kind: 'media', website: 'http://www.legaldaily.com.cn', contact: '驻省记者站 孙某 · 0000-0000004（示例）' },
  {
    name: '省高院信息简报',
    level: 'internal',
    kind: 'bulletin',
    contact: '省高级人民法院办公室信息科 周某 · 0000-0000011（示例）',
    notes: '全省法院系统内部信息刊物，采用的信息以简报形式在全省法院印发（示例）。',
  },
  { name: '省法院网', level: 'internal', kind: 'media', contact: '省高级人民法院新闻宣传处 网站编辑 吴某 · 0000-0000012（示例）' },
  { name: '省广播电视台', level: 'provincial', kind: 'media', contact: '新闻中心政法组 郑某 · 0000-0000021（示例）' },
  { name: '市中院信息简报', level: 'municipal', kind: 'bulletin', contact: '市中级人民法院办公室 钱某 · 0000-0000031（示例）' },
  { name: '市委深改委工作简报', level: 'municipal', kind: 'bulletin', contact: '市委改革办综合科 冯某 · 0000-0000032（示例）', notes: '重要经验由市委深改委上报省委深改委（示例）。' },
  { name: '市电视台', level: 'municipal', kind: 'media', contact: '市广播电视台新闻部 陈某 · 0000-0000033（示例）' },
  { name: '县融媒体中心', level: 'county', kind: 'media', contact: '湖西县融媒体中心编辑部 褚某 · 0000-6120041（示例）' },
  { name: '县委信息', level: 'county', kind: 'bulletin', contact: '中共湖西县委办公室信息科 卫某 · 0000-6120042（示例）' },
]
