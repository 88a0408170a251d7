// /sitemap-0.xml: every public page (content/store.ts knows them all).
import type { APIRoute } from 'astro'

import { routes } from '../content/store'
import { absoluteUrl } from '../utils/paths'
import { sitemapPages, urlSet } from '../utils/sitemapXml'

export const GET: APIRoute = ({ site }) => urlSet(sitemapPages(routes()).map((url) => absoluteUrl(url, site)))
