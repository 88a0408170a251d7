// A draft from the CMS (cmsPreview.ts) as the data its published page renders: the collection's own
// mapper, then the content collection's shape, exactly as the loader does for published items.
// A draft may still lack what publishing requires (the CMS checks that at 发布), so the fields the
// page cannot do without get a stand-in first, and anything still wrong is named for the editor.
import type { z } from 'astro/zod'

import { eventSchema, familySchema, newsSchema, storySchema } from '../contentSchemas'
import { mapEvent, mapFamily, mapNews, mapStory } from './mappers'

type Shown =
  | { ok: true; collection: 'news'; slug: string; data: z.infer<typeof newsSchema> }
  | { ok: true; collection: 'stories'; slug: string; data: z.infer<typeof storySchema> }
  | { ok: true; collection: 'events'; slug: string; data: z.infer<typeof eventSchema> }
  | { ok: true; collection: 'families'; slug: string; data: z.infer<typeof familySchema> }
export type DraftForPreview = Shown | { ok: false; problem: string }

const UNTITLED = '（未填写标题）'

/** Fields a draft may not have yet, filled so the page can show the rest. */
function withStandIns(collection: string, doc: Record<string, any>): Record<string, any> {
  const now = doc.updatedAt ?? new Date().toISOString()
  switch (collection) {
    case 'news':
      return { ...doc, title: doc.title || UNTITLED, publishedAt: doc.publishedAt ?? now, updatedAt: now }
    case 'stories':
      return { ...doc, title: doc.title || UNTITLED, date: doc.date ?? now, kind: doc.kind ?? 'mediation', updatedAt: now }
    case 'events':
      return { ...doc, title: doc.title || UNTITLED, startAt: doc.startAt ?? now, venueKind: doc.venueKind ?? 'other', format: doc.format ?? 'other', updatedAt: now }
    case 'families':
      return { ...doc, familyName: doc.familyName || UNTITLED, year: doc.year ?? new Date(now).getFullYear(), motto: doc.motto ?? '', updatedAt: now }
    default:
      return doc
  }
}

const shapes = {
  news: [mapNews, newsSchema],
  stories: [mapStory, storySchema],
  events: [mapEvent, eventSchema],
  families: [mapFamily, familySchema],
} as const

export function draftForPreview(collection: string, doc: Record<string, any>): DraftForPreview {
  const shape = shapes[collection as keyof typeof shapes]
  if (!shape) return { ok: false, problem: '这类内容没有预览页面。' }
  // The pair fits by construction; TypeScript cannot tie the mapper to its collection here.
  const [map, schema] = shape as unknown as [(doc: Record<string, any>) => unknown, z.ZodType]
  const parsed = schema.safeParse(map(withStandIns(collection, doc)))
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join('、')
    return { ok: false, problem: `以下内容的格式不正确：${fields}。请在内容管理后台检查后再预览。` }
  }
  return { ok: true, collection, slug: String(doc.slug ?? doc.id), data: parsed.data } as Shown
}
