// Every word a reader sees that does not come from the CMS.

const pageN = (n: number) => `第${n}页`
/** '202503' → 2025年3月 */
const monthName = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(4))}月`

export const zh = {
  skipLink: '跳到正文',
  home: '首页',
  mainNav: '主导航',
  breadcrumbs: '面包屑',
  pagination: '分页导航',
  prevPage: '上一页',
  nextPage: '下一页',
  pageN,
  pageOf: (n: number, total: number) => `第${n}页，共${total}页`,
  rssFeed: 'RSS 订阅',
  rssOf: (title: string) => `${title} RSS 订阅`,

  nav: {
    workstations: '法官工作站',
    events: '普法活动',
    families: '廉洁家风',
    mediaCoverage: '媒体聚焦',
    search: '搜索',
    about: '法院概况',
    litigation: '诉讼服务',
    culture: '六善文化',
    menu: '菜单',
  },

  reader: {
    panel: '无障碍',
    panelLabel: '无障碍阅读工具',
    care: '长者模式',
    careHint: '大字、大按钮、高对比、简洁版面',
    size: '字号',
    larger: 'A+',
    largerLabel: 'A+ 放大字号',
    smaller: 'A−',
    smallerLabel: 'A− 缩小字号',
    reset: '标准',
    resetLabel: '标准字号',
    contrast: '高对比度',
    cursor: '大鼠标',
    guide: '十字线',
    selectSpeak: '划词朗读',
    speakAll: '朗读全文',
    statement: '无障碍说明',
  },

  footer: {
    label: '网站信息',
    links: '网站链接',
    records: '备案信息',
    contact: '联系我们',
    email: '邮箱',
    postcode: '邮编',
    sitemap: '网站地图',
    accessibility: '无障碍声明',
    govMark: '党政机关网站标识',
    copyright: (court: string) => `版权所有 © ${court}`,
    sponsor: '主办单位',
    address: '地址',
    phone: '电话',
    icp: 'ICP备案号',
    publicSecurity: '公安备案号',
    siteCode: '网站标识码',
  },

  homePage: {
    heading: (siteTitle: string) => `${siteTitle}首页`,
    headline: '头条',
    topNews: '要闻',
    moreLabel: '更多',
    columns: '栏目动态',
    more: (title: string) => `更多${title}`,
    upcomingEvents: '近期普法活动',
    noUpcomingEvents: '暂无近期活动',
    allEvents: '全部普法活动',
    workstations: '法官工作站',
    workstationsIntro: (n: number) => `全县共建成${n}处法官工作站，法官定期驻站，为群众就近调解纠纷、解答法律问题。`,
    allWorkstations: '法官工作站一览',
    families: '廉洁家风示范户',
    allFamilies: '全部廉洁家风示范户',
    empty: '暂无内容',
  },

  news: {
    all: '新闻动态',
    allDescription: '湖西县人民法院全部新闻报道，按发布时间排列。',
    published: '发布时间',
    writer: '撰稿',
    photographer: '摄影',
    source: '来源',
    column: '栏目',
    tags: '标签',
    prev: '上一篇',
    next: '下一篇',
    siblings: '同栏目文章',
    related: '相关报道',
    empty: '本栏目暂无文章。',
    feedDescription: (title: string) => `${title}最新报道`,
  },

  /** The month archive of a news list (all news, or one column's). */
  archive: {
    month: monthName,
    /** 2025年3月 第2页 (the page only when the month has more than one). */
    monthPage: (month: string, page: number, pages: number) => `${monthName(month)}${pages > 1 ? ` ${pageN(page)}` : ''}`,
    byMonth: '按月份浏览',
    monthNav: '月份导航',
    newerMonth: '较新月份',
    olderMonth: '较早月份',
    indexLead: (list: string) => `${list}按发布月份（北京时间）排列，每月内从最早的一篇起每 20 篇一页。`,
    count: (n: number) => `${n}篇`,
    year: (year: string) => `${Number(year)}年`,
    latest: '最新文章',
  },

  image: {
    credit: '摄影',
    photos: '图片',
  },

  stories: {
    all: '工作站故事',
    description: '全县法官工作站诉前调解、巡回审判、指导人民调解、法律咨询和普法的工作故事。',
    kind: '类型',
    date: '日期',
    workstation: '法官工作站',
    outcome: '处理结果',
    siblings: '本工作站其他故事',
    related: '同类故事',
    kinds: {
      mediation: '诉前调解',
      'circuit-trial': '巡回审判',
      'guiding-mediators': '指导人民调解',
      'legal-advice': '法律咨询',
      'law-promotion': '普法',
    } as Record<string, string>,
  },

  workstations: {
    title: '法官工作站',
    description: '全县各乡镇法官工作站的地址、驻站法官、联系电话和服务时间。',
    township: '所在乡镇',
    address: '地址',
    judges: '驻站人员',
    phone: '联系电话',
    serviceDays: '服务时间',
    foundedAt: '设立时间',
    intro: '工作站简介',
    stories: '工作站故事',
    noStories: '暂无工作站故事。',
    count: (n: number) => `共${n}处`,
  },

  events: {
    title: '普法活动',
    description: '法官进社区、进乡村、进校园、进企业开展法律咨询、法治讲座和民法典宣传等活动。',
    upcoming: '近期活动',
    noUpcoming: '暂无近期活动',
    past: '往期活动',
    noPast: '暂无往期活动',
    time: '时间',
    venueKind: '活动场所',
    venue: '地点',
    format: '活动形式',
    organiser: '主办',
    audience: '参与群众',
    audienceSize: (n: number) => `约${n}人`,
    report: '活动报道',
    addToCalendar: '添加到日历',
    siblings: '前后活动',
    related: '同类活动',
    calendarHint: '下载 .ics 日历文件',
    venueKinds: { community: '社区', village: '乡村', school: '学校', enterprise: '企业', other: '其他' } as Record<string, string>,
    formats: { 'legal-advice': '法律咨询', lecture: '法治讲座', 'civil-code': '民法典宣传', 'open-day': '开放日', other: '其他' } as Record<string, string>,
  },

  families: {
    title: '廉洁家风',
    description: '我院评选的廉洁家风示范户，以好家风涵养好作风。',
    motto: '家训',
    year: (y: number) => `${y}年度示范户`,
    story: '家风故事',
    siblings: '前后示范户',
  },

  mediaCoverage: {
    title: '媒体聚焦',
    description: '各级媒体和上级机关对我院经验做法的刊载与推广。',
    empty: '暂无外宣采用记录。',
    emptyDetail: '各级媒体、上级机关简报刊载和采用我院稿件后，将在本页集中展示。',
    reports: '媒体聚焦栏目报道',
    allReports: '查看媒体聚焦栏目全部报道',
    intro: (count: number) => `共 ${count} 条采用、刊发记录，按刊发时间排列。`,
    year: (year: number | undefined) => (year ? `${year} 年` : '日期待补充'),
    ourItem: '我院稿件',
    original: '查看原文',
    notesLabel: '外部媒体采用情况',
    thisItem: '本文被',
  },

  external: '（站外链接）',

  litigation: {
    title: '诉讼服务',
    description: '12368 诉讼服务热线、网上立案、诉讼指南、裁判文书公开、庭审公开。',
    guide: '诉讼指南',
    homeBlock: '诉讼服务',
  },

  about: {
    title: '法院概况',
    contact: '联系我们',
  },

  culture: {
    title: '六善文化',
    description: '湖西县人民法院以党建文化为引领打造的“六善”法院文化体系。',
    latest: '六善文化动态',
  },

  sitemap: {
    title: '网站地图',
    description: '本站全部栏目与页面的目录。',
    main: '主要栏目',
    columns: '新闻栏目',
    services: '诉讼与法院信息',
    workstations: '法官工作站',
    help: '帮助与订阅',
    xml: 'XML 站点地图（供搜索引擎使用）',
  },

  accessibility: {
    title: '无障碍声明与适老化说明',
    description: '本站为老年人和残障人士提供的阅读辅助功能及使用方法。',
  },

  notFound: {
    title: '页面未找到',
    lead: '很抱歉，您要访问的页面不存在，可能已被移动或删除。',
    suggestions: '您可以：',
    goHome: '返回网站首页',
    search: '搜索站内内容',
    browse: '浏览新闻动态',
    sections: '法官工作站、普法活动等栏目也可从页面顶部的导航进入。',
    report: (phone: string) => `如果您是从本站的链接来到这里，欢迎致电 ${phone} 告诉我们，我们会尽快修正。`,
  },
} as const

/** Label for a CMS option value, falling back to the raw value. */
export const labelOf = (labels: Record<string, string>, value: string | undefined): string => (value ? labels[value] ?? value : '')
