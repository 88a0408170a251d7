// /columns/<slug>/rss.xml: the latest news of one column.
import type { APIRoute } from 'astro'
import { getEntry, latestNews } from '../../../content/store'

import { zh } from '../../../i18n/zh'
import { rssResponse } from '../../../utils/feed'
import { columnPath, columnRssPath, newsPath } from '../../../utils/paths'


export const GET: APIRoute = async ({ params, site }) => {
  const column = await getEntry('columns', params.slug ?? '')
  if (!column) return new Response(null, { status: 404 })
  const siteTitle = (await getEntry('settings', 'site-settings'))?.data.siteTitle ?? '湖西县人民法院'
  const news = latestNews(50, column.id)
  return rssResponse({
    title: `${column.data.title} - ${siteTitle}`,
    description: column.data.description ?? zh.news.feedDescription(column.data.title),
    channelPath: columnPath(column.id),
    feedPath: columnRssPath(column.id),
    site,
    items: news.map(({ id, data }) => ({
      title: data.title,
      link: newsPath(id),
      pubDate: data.publishedAt,
      summary: data.summary,
      categories: data.tags,
    })),
  })
}
