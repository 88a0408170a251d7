// The portal's RSS 2.0 feeds (site-wide and per column), built the same way.
import { getRssString, type RSSFeedItem } from '@astrojs/rss'

import { escapeHtml } from './html'
import { absoluteUrl } from './paths'

export const feedContentType = 'application/rss+xml; charset=utf-8'

type FeedItem = { title: string; link: string; pubDate: Date; summary?: string; categories: string[] }

export async function rssResponse(options: {
  title: string
  description: string
  /** The page the channel is about (home page, column page). */
  channelPath: string
  /** Where this feed itself is published (for atom:link rel="self"). */
  feedPath: string
  site: URL | undefined
  items: FeedItem[]
}): Promise<Response> {
  const items: RSSFeedItem[] = options.items.map((item) => ({
    title: item.title,
    link: item.link,
    pubDate: item.pubDate,
    // Readers render <description> as HTML: a summary reading "<img …>" must stay text, so it is
    // escaped for HTML here and once more for XML by the feed writer.
    description: item.summary === undefined ? undefined : escapeHtml(item.summary),
    categories: item.categories,
  }))
  const xml = await getRssString({
    title: options.title,
    description: options.description,
    site: absoluteUrl(options.channelPath, options.site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${escapeHtml(absoluteUrl(options.feedPath, options.site))}" rel="self" type="application/rss+xml"/>`,
    items,
  })
  return new Response(xml, { headers: { 'Content-Type': feedContentType } })
}
