// /sitemap-<YYYYMM>.xml: the articles published in one month (Beijing time), for search engines.
import type { APIRoute } from 'astro'

import { sitemapMonth } from '../content/store'
import { absoluteUrl } from '../utils/paths'
import { urlSet } from '../utils/sitemapXml'

export const GET: APIRoute = ({ params, site }) => {
  const urls = /^\d{6}$/.test(params.month ?? '') ? sitemapMonth(params.month!) : []
  if (!urls.length) return new Response(null, { status: 404 })
  return urlSet(urls.map((url) => absoluteUrl(url, site)))
}
