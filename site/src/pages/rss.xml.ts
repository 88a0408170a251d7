// /rss.xml: the latest news from every column.
import type { APIRoute } from 'astro'
import { getEntry, latestNews } from '../content/store'

import { zh } from '../i18n/zh'
import { rssResponse } from '../utils/feed'
import { homePath, newsPath, rssPath } from '../utils/paths'

export const GET: APIRoute = async ({ site }) => {
  const settings = (await getEntry('settings', 'site-settings'))?.data
  const siteTitle = settings?.siteTitle ?? '湖西县人民法院'
  const news = latestNews(50)
  return rssResponse({
    title: siteTitle,
    description: zh.news.feedDescription(siteTitle),
    channelPath: homePath,
    feedPath: rssPath,
    site,
    items: news.map(({ id, data }) => ({
      title: data.title,
      link: newsPath(id),
      pubDate: data.publishedAt,
      summary: data.summary,
      categories: [data.column?.title, ...data.tags].filter((c): c is string => Boolean(c)),
    })),
  })
}
