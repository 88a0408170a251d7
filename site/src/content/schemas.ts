// The portal's content kinds: where each comes from in the CMS (a collection or a global), the
// mapper that turns a CMS document into the site's shape, and the schema that checks it (and turns
// date strings into Dates). Pages read them through ./store.ts only.
import { z } from 'astro/zod'

import { mapColumn, mapCoverage, mapEvent, mapFamily, mapNavigation, mapNews, mapSettings, mapSitePages, mapStory, mapWorkstation } from '../loaders/mappers'
import { dateSchema, eventSchema, familySchema, newsSchema, refSchema, siteImageSchema, storySchema } from '../contentSchemas'

type Source<S extends z.ZodTypeAny> = { kind: 'collection' | 'global'; slug: string; map: (doc: any) => Record<string, unknown>; schema: S }
const source = <S extends z.ZodTypeAny>(s: Source<S>) => s

const image = siteImageSchema
const ref = refSchema
const date = dateSchema

const news = source({ kind: 'collection', slug: 'news', map: mapNews, schema: newsSchema })

const stories = source({ kind: 'collection', slug: 'stories', map: mapStory, schema: storySchema })

const events = source({ kind: 'collection', slug: 'events', map: mapEvent, schema: eventSchema })

const families = source({ kind: 'collection', slug: 'families', map: mapFamily, schema: familySchema })

const workstations = source({ kind: 'collection', slug: 'workstations', map: mapWorkstation, schema: z.object({
    name: z.string(),
    township: z.string(),
    address: z.string().optional(),
    judges: z.array(z.object({ name: z.string(), title: z.string().optional() })),
    phone: z.string().optional(),
    serviceDays: z.string().optional(),
    foundedAt: date.optional(),
    introHtml: z.string(),
    photos: z.array(image),
    updatedAt: date,
  }),
})

const columns = source({ kind: 'collection', slug: 'columns', map: mapColumn, schema: z.object({ title: z.string(), description: z.string().optional(), order: z.number(), parent: ref.optional() }),
})

const settings = source({ kind: 'global', slug: 'site-settings', map: mapSettings, schema: z.object({
    courtName: z.string(),
    siteTitle: z.string(),
    address: z.string().optional(),
    phone: z.string().optional(),
    icp: z.string().optional(),
    publicSecurityRecord: z.string().optional(),
    siteCode: z.string().optional(),
    sponsor: z.string().optional(),
    postcode: z.string().optional(),
    email: z.string().optional(),
    contactNote: z.string().optional(),
    copyright: z.string().optional(),
    emblem: z.object({ src: z.string(), filename: z.string(), alt: z.string() }).optional(),
    govMark: z.object({ src: z.string(), width: z.number(), height: z.number(), alt: z.string(), url: z.string().optional() }).optional(),
    litigationLinks: z.array(z.object({ label: z.string(), href: z.string(), note: z.string().optional(), external: z.boolean() })),
  }),
})

const pages = source({ kind: 'global', slug: 'site-pages', map: mapSitePages, schema: z.object({
    aboutIntro: z.string().optional(),
    aboutHtml: z.string(),
    guideIntro: z.string().optional(),
    guideHtml: z.string(),
    cultureIntro: z.string().optional(),
    cultureHtml: z.string(),
  }),
})

const navigation = source({ kind: 'global', slug: 'navigation', map: mapNavigation, schema: z.object({ items: z.array(z.object({ label: z.string(), href: z.string() })) }),
})

const coverage = source({ kind: 'collection', slug: 'submissions', map: mapCoverage, schema: z.object({
    outlet: z.string(),
    level: z.string().optional(),
    outcome: z.string(),
    publishedOn: date.optional(),
    issue: z.string().optional(),
    page: z.string().optional(),
    url: z.string().optional(),
    item: z.object({ collection: z.enum(['news', 'stories', 'events', 'families']), slug: z.string(), title: z.string() }).optional(),
  }),
})


export const sources = { news, stories, events, families, workstations, columns, settings, pages, navigation, coverage }
export type ContentName = keyof typeof sources
export type ContentData<K extends ContentName> = z.infer<(typeof sources)[K]['schema']>
