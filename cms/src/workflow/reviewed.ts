// The content types that go through the 三审 workflow, and what each of them is: its name, the
// field it is titled by, its body, the date the portal shows, its portal page. Registering a new
// reviewed type is one entry here plus its collection folder (which reads its names from here).
// Imports nothing of the collections, so any of them may import it.

export const reviewedCollections = ['news', 'stories', 'events', 'families'] as const
export type ReviewedCollection = (typeof reviewedCollections)[number]

export type ReviewedType = {
  /** The collection's name in the admin (singular and plural alike). */
  label: string
  /** Its name as a 稿件类型 in the 审签记录. */
  kindLabel: string
  /** The field it is named by (the admin's useAsTitle). */
  titleField: string
  /** Its main rich-text body: publishing it empty is an error. */
  bodyField: string
  /** The date it is shown and sorted by on the portal; families show only a year, so their entry date. */
  dateField: string
  /** What the admin's list and the API sort it by, newest first (its defaultSort; indexed, see listIndexes.ts). */
  listSortField: string
  /** The photo that leads a 报送 package, before those in the body. */
  leadPhotoField?: string
  /** Its page on the portal; must match site/src/utils/paths.ts (reviewed.test.ts checks). */
  portalPath: (slug: string) => string
}

export const reviewedTypes: Record<ReviewedCollection, ReviewedType> = {
  news: {
    label: '新闻',
    kindLabel: '新闻',
    titleField: 'title',
    bodyField: 'body',
    dateField: 'publishedAt',
    listSortField: 'publishedAt',
    leadPhotoField: 'cover',
    portalPath: (slug) => `/news/${slug}/`,
  },
  stories: {
    label: '工作站故事',
    kindLabel: '工作站故事',
    titleField: 'title',
    bodyField: 'body',
    dateField: 'date',
    listSortField: 'date',
    portalPath: (slug) => `/stories/${slug}/`,
  },
  events: {
    label: '普法活动',
    kindLabel: '普法活动',
    titleField: 'title',
    bodyField: 'body',
    dateField: 'startAt',
    listSortField: 'startAt',
    portalPath: (slug) => `/events/${slug}/`,
  },
  families: {
    label: '廉洁家风示范户',
    kindLabel: '廉洁家风',
    titleField: 'familyName',
    bodyField: 'story',
    dateField: 'createdAt',
    listSortField: 'year',
    portalPath: (slug) => `/families/${slug}/`,
  },
}

export const isReviewedCollection = (value: string): value is ReviewedCollection =>
  (reviewedCollections as readonly string[]).includes(value)

/** What an item is called: its title field, else its id. */
export const titleOf = (collection: ReviewedCollection, doc: Record<string, unknown>): string =>
  String(doc[reviewedTypes[collection].titleField] ?? doc.id)

/** The item's main rich-text body, or null. */
export const bodyOf = (collection: ReviewedCollection, doc: Record<string, unknown>): unknown => doc[reviewedTypes[collection].bodyField] ?? null
