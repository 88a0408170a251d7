// /sitemap-index.xml: points search engines at the sitemap files (robots.txt names this file):
// the pages, then the articles month by month.
import type { APIRoute } from 'astro'

import { sitemapMonths } from '../content/store'
import { absoluteUrl, sitemapMonthPath } from '../utils/paths'
import { sitemapIndex } from '../utils/sitemapXml'

export const GET: APIRoute = ({ site }) => sitemapIndex(['/sitemap-0.xml', ...sitemapMonths().map(sitemapMonthPath)].map((url) => absoluteUrl(url, site)))
