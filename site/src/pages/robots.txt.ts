// /robots.txt: everything public except draft previews; points crawlers at the sitemap.
import type { APIRoute } from 'astro'

import { absoluteUrl } from '../utils/paths'

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl('/sitemap-index.xml', site)
  return new Response(['User-agent: *', 'Disallow: /preview/', '', `Sitemap: ${sitemap}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
