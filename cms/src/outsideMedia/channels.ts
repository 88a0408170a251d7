/** The court's own accounts an article is posted to. */
export const newMediaChannels = [
  { value: 'wechat', label: '微信公众号' },
  { value: 'weibo', label: '微博' },
  { value: 'douyin', label: '抖音' },
  { value: 'channels', label: '视频号' },
  { value: 'toutiao', label: '今日头条' },
  { value: 'kuaishou', label: '快手' },
  { value: 'other', label: '其他' },
] as const

export type NewMediaChannel = (typeof newMediaChannels)[number]['value']
