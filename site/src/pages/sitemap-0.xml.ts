// /sitemap-0.xml: every public page but the articles (those are in one file per month, sitemap-<YYYYMM>.xml).
import type { APIRoute } from 'astro'

import { sitemapOtherPages } from '../content/store'
import { absoluteUrl } from '../utils/paths'
import { urlSet } from '../utils/sitemapXml'

export const GET: APIRoute = ({ site }) => urlSet(sitemapOtherPages().map((url) => absoluteUrl(url, site)))
