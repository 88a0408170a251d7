// CMS documents (Payload's shapes) to the site's own shapes. Pages only ever see these.
// The shapes are the CMS's generated types (type-only: nothing of the CMS is loaded at run time),
// so a renamed CMS field fails the typecheck instead of becoming an empty value.
import type { Column, Event, Family, Media, Navigation, News, Outlet, SitePage, SiteSetting, Story, Submission, Workstation } from '../../../cms/src/payload-types'
import { richTextToHtml } from '../utils/richText'
import { mediaPath, toSiteImage, toThumbnail } from '../utils/images'
import { safeHref, telHref, webHref } from '../utils/safeHref'

/** A relationship as REST returns it: the document when populated, else its id. */
type Related<T> = number | T | null | undefined

const ref = (doc: Related<Column | Workstation>) =>
  doc && typeof doc === 'object' ? { slug: String(doc.slug), title: String('name' in doc ? doc.name : doc.title) } : undefined
// Each photo at thumbnail size with every size in its srcset: what `list.map(toSiteImage)` gave,
// since map's index arrived as toSiteImage's `preferred`.
const photos = (list: Story['photos']) => (Array.isArray(list) ? list.map((photo) => toThumbnail(photo)).filter(Boolean) : [])

export const mapNews = (doc: News) => ({
  title: doc.title,
  summary: doc.summary ?? undefined,
  bodyHtml: richTextToHtml(doc.body),
  cover: toSiteImage(doc.cover),
  thumbnail: toThumbnail(doc.cover),
  column: ref(doc.column),
  tags: doc.tags ?? [],
  writer: doc.byline?.writer ?? undefined,
  photographer: doc.byline?.photographer ?? undefined,
  source: doc.source ?? undefined,
  publishedAt: doc.publishedAt,
  updatedAt: doc.updatedAt,
})

export const mapStory = (doc: Story) => ({
  title: doc.title,
  workstation: ref(doc.workstation),
  kind: doc.kind,
  date: doc.date,
  bodyHtml: richTextToHtml(doc.body),
  outcome: doc.outcome ?? undefined,
  photos: photos(doc.photos),
  updatedAt: doc.updatedAt,
})

export const mapEvent = (doc: Event) => ({
  title: doc.title,
  startAt: doc.startAt,
  endAt: doc.endAt ?? undefined,
  venueKind: doc.venueKind,
  venue: doc.venue ?? undefined,
  format: doc.format,
  organiser: doc.organiser ?? undefined,
  audienceSize: doc.audienceSize ?? undefined,
  bodyHtml: richTextToHtml(doc.body),
  photos: photos(doc.photos),
  updatedAt: doc.updatedAt,
})

export const mapFamily = (doc: Family) => ({
  familyName: doc.familyName,
  relation: doc.relation ?? undefined,
  year: doc.year,
  motto: doc.motto,
  storyHtml: richTextToHtml(doc.story),
  photos: photos(doc.photos),
  updatedAt: doc.updatedAt,
})

export const mapWorkstation = (doc: Workstation) => ({
  name: doc.name,
  township: doc.township,
  address: doc.address ?? undefined,
  judges: (doc.judges ?? []).map((j) => ({ name: j.name, title: j.title ?? undefined })),
  phone: doc.phone ?? undefined,
  serviceDays: doc.serviceDays ?? undefined,
  foundedAt: doc.foundedAt ?? undefined,
  introHtml: richTextToHtml(doc.intro),
  photos: photos(doc.photos),
  updatedAt: doc.updatedAt,
})

export const mapColumn = (doc: Column) => ({
  title: doc.title,
  description: doc.description ?? undefined,
  order: doc.order ?? 100,
  parent: ref(doc.parent),
})

export const mapSettings = (doc: SiteSetting) => ({
  courtName: doc.courtName ?? '湖西县人民法院',
  siteTitle: doc.siteTitle ?? '湖西县人民法院',
  address: doc.address ?? undefined,
  phone: doc.phone ?? undefined,
  icp: doc.icp ?? undefined,
  publicSecurityRecord: doc.publicSecurityRecord ?? undefined,
  siteCode: doc.siteCode ?? undefined,
  sponsor: doc.sponsor ?? undefined,
  postcode: doc.postcode || undefined,
  email: doc.email || undefined,
  contactNote: doc.contactNote || undefined,
  copyright: doc.copyright || undefined,
  emblem: emblemOf(doc.emblem),
  govMark: govMarkOf(doc.govMark),
  litigationLinks: (doc.litigationLinks ?? []).flatMap((link) => {
    // Site paths, web addresses and phone numbers (tel:12368); anything else (javascript:…) is dropped.
    const url = typeof link.url === 'string' ? link.url.trim() : ''
    const href = /^tel:/i.test(url) ? telHref(url.slice(4)) : safeHref(url, '') || undefined
    return href ? [{ label: String(link.label), href, note: link.note || undefined, external: /^https?:/i.test(href) }] : []
  }),
})

/** The uploaded original (a square mark stays square; the generated sizes are cropped 4:3). */
const emblemOf = (media: Related<Media>) =>
  media && typeof media === 'object' && media.filename ? { src: mediaPath(media.filename), filename: String(media.filename), alt: String(media.alt ?? '') } : undefined

const govMarkOf = (group: SiteSetting['govMark']) => {
  const media = group?.image
  if (!media || typeof media !== 'object' || !media.filename || !media.width || !media.height) return undefined
  return { src: mediaPath(media.filename), width: media.width, height: media.height, alt: String(media.alt ?? ''), url: webHref(group.url) }
}

export const mapSitePages = (doc: SitePage) => ({
  aboutIntro: doc.aboutIntro || undefined,
  aboutHtml: richTextToHtml(doc.about),
  guideIntro: doc.guideIntro || undefined,
  guideHtml: richTextToHtml(doc.guide),
  cultureIntro: doc.cultureIntro || undefined,
  cultureHtml: richTextToHtml(doc.culture),
})

export const mapNavigation = (doc: Navigation) => ({
  items: (doc.items ?? []).map((item) => ({
    label: item.label,
    href: item.column && typeof item.column === 'object' ? `/columns/${item.column.slug}/` : safeHref(item.url),
  })),
})

const outcomeLabels: Partial<Record<Submission['status'], string>> = { adopted: '采用', published: '刊发' }
const levelLabels: Record<Outlet['level'], string> = { national: '国家级', provincial: '省级', municipal: '市级', county: '县级', internal: '系统内' }

/**
 * An outside outlet's adoption of one of our items. The CMS only lets anonymous readers see
 * adopted or published coverage, and only populates an item the public may read: coverage of
 * an item that is not (or no longer) published comes with a bare id instead and is not shown.
 * (Populated items carry only their collection's defaultPopulate fields, so no _status.)
 */
export const mapCoverage = (doc: Submission) => {
  const value = doc.item?.value
  const outlet: Outlet | undefined = typeof doc.outlet === 'object' ? doc.outlet : undefined
  const item =
    value && typeof value === 'object' && (value._status ?? 'published') === 'published'
      ? { collection: String(doc.item.relationTo), slug: String(value.slug ?? value.id), title: String('familyName' in value ? value.familyName : value.title) }
      : undefined
  return {
    outlet: String(outlet?.name ?? ''),
    level: outlet ? levelLabels[outlet.level] : undefined,
    outcome: outcomeLabels[doc.status] ?? '采用',
    publishedOn: doc.publishedOn ?? undefined,
    issue: doc.issue || undefined,
    page: doc.page || undefined,
    url: webHref(doc.url),
    item,
  }
}
