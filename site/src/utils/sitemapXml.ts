// The search engines' sitemap (sitemaps.org 0.9): every public page of the portal, in several files (content/store.ts).
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>'
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const xml = (body: string) => new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })

export const sitemapIndex = (sitemaps: string[]) =>
  xml(`${HEAD}<sitemapindex xmlns="${NS}">${sitemaps.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('')}</sitemapindex>`)

export const urlSet = (urls: string[]) => xml(`${HEAD}<urlset xmlns="${NS}">${urls.map((loc) => `<url><loc>${escapeXml(loc)}</loc></url>`).join('')}</urlset>`)

/** Pages (not feeds, calendars or images) that belong in the sitemap. */
export const sitemapPages = (routes: string[]) => routes.filter((url) => url.endsWith('/') && !url.startsWith('/preview/')).sort()
