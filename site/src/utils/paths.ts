// Every public URL in one place. Pages are directories, so links always end with a slash.
import { siteUrlFromEnv } from '../siteUrl'

export const homePath = '/'
/** All news: the newest articles (content/newsViews.ts). */
export const newsIndexPath = () => '/news/'
export const newsPath = (slug: string) => `/news/${slug}/`
/** The search engines' sitemap file of the articles published in one month (YYYYMM). */
export const sitemapMonthPath = (month: string) => `/sitemap-${month}.xml`
export const columnPath = (slug: string) => `/columns/${slug}/`
/**
 * A news list's archive (all news without `column`): the month index, and page `page` (from 1,
 * counted from the month's oldest article) of one Beijing month (YYYYMM): `/news/2025/03/`,
 * `/news/2025/03/2/`, `/columns/<slug>/2025/03/`.
 */
export const archiveIndexPath = (column?: string) => `${column === undefined ? newsIndexPath() : columnPath(column)}archive/`
export function archiveMonthPath(month: string, page = 1, column?: string): string {
  const base = `${column === undefined ? newsIndexPath() : columnPath(column)}${month.slice(0, 4)}/${month.slice(4)}/`
  return page > 1 ? `${base}${page}/` : base
}
export const columnRssPath = (slug: string) => `/columns/${slug}/rss.xml`
export const storiesPath = '/stories/'
export const storyPath = (slug: string) => `/stories/${slug}/`
export const workstationsPath = '/workstations/'
export const workstationPath = (slug: string) => `/workstations/${slug}/`
export const eventsPath = '/events/'
export const eventPath = (slug: string) => `/events/${slug}/`
export const eventIcsPath = (slug: string) => `/events/${slug}.ics`
export const familiesPath = '/families/'
export const familyPath = (slug: string) => `/families/${slug}/`
export const mediaCoveragePath = '/media-coverage/'
export const searchPath = '/search/'
export const aboutPath = '/about/'
export const contactPath = '/about/#contact'
export const litigationPath = '/litigation/'
export const culturePath = '/culture/'
export const sitemapPath = '/sitemap/'
export const accessibilityPath = '/accessibility/'
export const rssPath = '/rss.xml'

/** The portal page of a CMS document, by collection; undefined for collections without pages (media, users…). */
const docPaths: Record<string, (slug: string) => string> = {
  news: newsPath,
  stories: storyPath,
  events: eventPath,
  families: familyPath,
  workstations: workstationPath,
  columns: columnPath,
}
export const docPath = (collection: string, slug: string): string | undefined => docPaths[collection]?.(slug)

/** Site-internal page links get their trailing slash (`/workstations` → `/workstations/`); others are left alone. */
export function normalizeHref(href: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href
  const match = /^([^?#]*)(.*)$/.exec(href)!
  const [, path, rest] = match
  if (path.endsWith('/') || /\.[a-z0-9]+$/i.test(path)) return href
  return `${path}/${rest}`
}

/** An absolute URL on the configured site (canonical links, OpenGraph, feeds). */
export const absoluteUrl = (path: string, site: URL | string | undefined): string => new URL(path, site ?? siteUrlFromEnv()).href
