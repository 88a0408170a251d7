// /sitemap-index.xml: points search engines at the sitemap (robots.txt names this file).
import type { APIRoute } from 'astro'

import { absoluteUrl } from '../utils/paths'
import { sitemapIndex } from '../utils/sitemapXml'

export const GET: APIRoute = ({ site }) => sitemapIndex([absoluteUrl('/sitemap-0.xml', site)])
