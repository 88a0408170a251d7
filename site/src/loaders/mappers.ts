// CMS documents (Payload's shapes) to the site's own shapes. Pages only ever see these.
import { richTextToHtml } from '../utils/richText'
import { mediaPath, toSiteImage, toThumbnail } from '../utils/images'
import { safeHref, telHref, webHref } from '../utils/safeHref'

const ref = (doc: any) => (doc && typeof doc === 'object' ? { slug: String(doc.slug), title: String(doc.title ?? doc.name) } : undefined)
const photos = (list: unknown) => (Array.isArray(list) ? list.map(toSiteImage).filter(Boolean) : [])

export const mapNews = (doc: any) => ({
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

export const mapStory = (doc: any) => ({
  title: doc.title,
  workstation: ref(doc.workstation),
  kind: doc.kind,
  date: doc.date,
  bodyHtml: richTextToHtml(doc.body),
  outcome: doc.outcome ?? undefined,
  photos: photos(doc.photos),
  updatedAt: doc.updatedAt,
})

export const mapEvent = (doc: any) => ({
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

export const mapFamily = (doc: any) => ({
  familyName: doc.familyName,
  relation: doc.relation ?? undefined,
  year: doc.year,
  motto: doc.motto,
  storyHtml: richTextToHtml(doc.story),
  photos: photos(doc.photos),
  updatedAt: doc.updatedAt,
})

export const mapWorkstation = (doc: any) => ({
  name: doc.name,
  township: doc.township,
  address: doc.address ?? undefined,
  judges: (doc.judges ?? []).map((j: any) => ({ name: j.name, title: j.title ?? undefined })),
  phone: doc.phone ?? undefined,
  serviceDays: doc.serviceDays ?? undefined,
  foundedAt: doc.foundedAt ?? undefined,
  introHtml: richTextToHtml(doc.intro),
  photos: photos(doc.photos),
  updatedAt: doc.updatedAt,
})

export const mapColumn = (doc: any) => ({
  title: doc.title,
  description: doc.description ?? undefined,
  order: doc.order ?? 100,
  parent: ref(doc.parent),
})

export const mapSettings = (doc: any) => ({
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
  litigationLinks: (doc.litigationLinks ?? []).flatMap((link: any) => {
    // Site paths, web addresses and phone numbers (tel:12368); anything else (javascript:…) is dropped.
    const url = typeof link.url === 'string' ? link.url.trim() : ''
    const href = /^tel:/i.test(url) ? telHref(url.slice(4)) : safeHref(url, '') || undefined
    return href ? [{ label: String(link.label), href, note: link.note || undefined, external: /^https?:/i.test(href) }] : []
  }),
})

/** The uploaded original (a square mark stays square; the generated sizes are cropped 4:3). */
const emblemOf = (media: any) =>
  media && typeof media === 'object' && media.filename ? { src: mediaPath(media.filename), filename: String(media.filename), alt: String(media.alt ?? '') } : undefined

const govMarkOf = (group: any) => {
  const media = group?.image
  if (!media || typeof media !== 'object' || !media.filename || !media.width || !media.height) return undefined
  return { src: mediaPath(media.filename), width: media.width, height: media.height, alt: String(media.alt ?? ''), url: webHref(group.url) }
}

export const mapSitePages = (doc: any) => ({
  aboutIntro: doc.aboutIntro || undefined,
  aboutHtml: richTextToHtml(doc.about),
  guideIntro: doc.guideIntro || undefined,
  guideHtml: richTextToHtml(doc.guide),
  cultureIntro: doc.cultureIntro || undefined,
  cultureHtml: richTextToHtml(doc.culture),
})

export const mapNavigation = (doc: any) => ({
  items: (doc.items ?? []).map((item: any) => ({
    label: item.label,
    href: item.column && typeof item.column === 'object' ? `/columns/${item.column.slug}/` : safeHref(item.url),
  })),
})

const outcomeLabels: Record<string, string> = { adopted: '采用', published: '刊发' }
const levelLabels: Record<string, string> = { national: '国家级', provincial: '省级', municipal: '市级', county: '县级', internal: '系统内' }

/**
 * An outside outlet's adoption of one of our items. The CMS only lets anonymous readers see
 * adopted or published coverage, and only populates an item the public may read: coverage of
 * an item that is not (or no longer) published comes with a bare id instead and is not shown.
 * (Populated items carry only their collection's defaultPopulate fields, so no _status.)
 */
export const mapCoverage = (doc: any) => {
  const value = doc.item?.value
  const item =
    value && typeof value === 'object' && (value._status ?? 'published') === 'published'
      ? { collection: String(doc.item.relationTo), slug: String(value.slug ?? value.id), title: String(value.title ?? value.familyName) }
      : undefined
  return {
    outlet: String(doc.outlet?.name ?? ''),
    level: levelLabels[doc.outlet?.level] ?? undefined,
    outcome: outcomeLabels[doc.status] ?? '采用',
    publishedOn: doc.publishedOn ?? undefined,
    issue: doc.issue || undefined,
    page: doc.page || undefined,
    url: webHref(doc.url),
    item,
  }
}
