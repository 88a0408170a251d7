import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'

import { cmsCollection, cmsGlobal } from './loaders/cmsLoader'
import { dateSchema, eventSchema, familySchema, newsSchema, refSchema, siteImageSchema, storySchema } from './contentSchemas'
import { mapColumn, mapCoverage, mapEvent, mapFamily, mapNavigation, mapNews, mapSettings, mapSitePages, mapStory, mapWorkstation } from './loaders/mappers'

const image = siteImageSchema
const ref = refSchema
const date = dateSchema

const news = defineCollection({
  loader: cmsCollection('news', mapNews),
  schema: newsSchema,
})

const stories = defineCollection({
  loader: cmsCollection('stories', mapStory),
  schema: storySchema,
})

const events = defineCollection({
  loader: cmsCollection('events', mapEvent),
  schema: eventSchema,
})

const families = defineCollection({
  loader: cmsCollection('families', mapFamily),
  schema: familySchema,
})

const workstations = defineCollection({
  loader: cmsCollection('workstations', mapWorkstation),
  schema: z.object({
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

const columns = defineCollection({
  loader: cmsCollection('columns', mapColumn),
  schema: z.object({ title: z.string(), description: z.string().optional(), order: z.number(), parent: ref.optional() }),
})

const settings = defineCollection({
  loader: cmsGlobal('site-settings', mapSettings),
  schema: z.object({
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

const pages = defineCollection({
  loader: cmsGlobal('site-pages', mapSitePages),
  schema: z.object({
    aboutIntro: z.string().optional(),
    aboutHtml: z.string(),
    guideIntro: z.string().optional(),
    guideHtml: z.string(),
    cultureIntro: z.string().optional(),
    cultureHtml: z.string(),
  }),
})

const navigation = defineCollection({
  loader: cmsGlobal('navigation', mapNavigation),
  schema: z.object({ items: z.array(z.object({ label: z.string(), href: z.string() })) }),
})

const coverage = defineCollection({
  loader: cmsCollection('submissions', mapCoverage),
  schema: z.object({
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

export const collections = { news, stories, events, families, workstations, columns, settings, pages, navigation, coverage }
