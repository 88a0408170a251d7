// Shapes of the content the pages read, shared by the content sources (content/schemas.ts)
// and draft preview, which checks a mapped draft against the same shape as the published item.
import { z } from 'astro/zod'

export const siteImageSchema = z.object({
  src: z.string(),
  width: z.number(),
  height: z.number(),
  alt: z.string(),
  caption: z.string().optional(),
  credit: z.string().optional(),
  srcset: z.string(),
})
export const refSchema = z.object({ slug: z.string(), title: z.string() })
/** A date the CMS sends as an ISO string. */
export const dateSchema = z.coerce.date()
const image = siteImageSchema
const ref = refSchema
const date = dateSchema

export const newsSchema = z.object({
  title: z.string(),
  summary: z.string().optional(),
  bodyHtml: z.string(),
  cover: image.optional(),
  thumbnail: image.optional(),
  column: ref.optional(),
  tags: z.array(z.string()),
  writer: z.string().optional(),
  photographer: z.string().optional(),
  source: z.string().optional(),
  publishedAt: date,
  updatedAt: date,
})

export const storySchema = z.object({
  title: z.string(),
  workstation: ref.optional(),
  kind: z.string(),
  date,
  bodyHtml: z.string(),
  outcome: z.string().optional(),
  photos: z.array(image),
  updatedAt: date,
})

export const eventSchema = z.object({
  title: z.string(),
  startAt: date,
  endAt: date.optional(),
  venueKind: z.string(),
  venue: z.string().optional(),
  format: z.string(),
  organiser: z.string().optional(),
  audienceSize: z.number().optional(),
  bodyHtml: z.string(),
  photos: z.array(image),
  updatedAt: date,
})

export const familySchema = z.object({
  familyName: z.string(),
  relation: z.string().optional(),
  year: z.number(),
  motto: z.string(),
  storyHtml: z.string(),
  photos: z.array(image),
  updatedAt: date,
})
