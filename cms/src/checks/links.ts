// Links inside the portal must lead to something a reader can open: an existing, published item.
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { labelOf } from './document'
import type { Id, LinkRef } from './lexical'
import type { Problem } from './problem'

/** The portal's item pages by first path segment (see site/src/utils/paths.ts). */
const portalSections: Record<string, CollectionSlug> = {
  news: 'news',
  stories: 'stories',
  events: 'events',
  families: 'families',
  workstations: 'workstations',
  columns: 'columns',
}

export type PortalTarget = { collection: CollectionSlug; slug: string }

/**
 * The item a URL opens on the portal, or null when it is not an item page of ours: another
 * site, an index page (`/news/`, `/news/2/`), a file. Absolute URLs count when their host is
 * the portal's (SITE_URL).
 */
export function portalTarget(url: string, siteUrl = process.env.SITE_URL): PortalTarget | null {
  const trimmed = url.trim()
  let path: string
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) {
    path = trimmed
  } else {
    let parsed: URL, site: URL
    try {
      parsed = new URL(trimmed)
      site = new URL(siteUrl ?? '')
    } catch {
      return null
    }
    if (parsed.host !== site.host || !/^https?:$/.test(parsed.protocol)) return null
    path = parsed.pathname
  }
  const segments = path.replace(/[?#].*$/, '').split('/').filter(Boolean)
  const collection = portalSections[segments[0] ?? '']
  if (!collection || segments.length < 2) return null
  let slug: string
  try {
    slug = decodeURIComponent(segments[1])
  } catch {
    slug = segments[1]
  }
  if (collection === 'events') slug = slug.replace(/\.ics$/, '')
  // /news/2/ is the second page of the news list, not an item.
  if (collection === 'news' && /^\d+$/.test(slug)) return null
  return { collection, slug }
}

type Self = { collection: CollectionSlug; id?: unknown; slug?: unknown }

/** Problems with links that lead to items that do not exist or are not published. */
export async function checkLinks(links: LinkRef[], self: Self, req: PayloadRequest): Promise<Problem[]> {
  const problems: Problem[] = []
  for (const link of links) {
    const clicked = link.text.trim() ? `链接“${link.text.trim()}”` : '引用'
    if (link.kind === 'none') {
      problems.push({ code: 'link-missing', where: link.where, message: `${clicked}没有选择要链接的内容` })
      continue
    }
    let collection: CollectionSlug
    let where: Where
    let described: string
    if (link.kind === 'doc') {
      if (!(link.relationTo in req.payload.collections)) {
        problems.push({ code: 'link-missing', where: link.where, message: `${clicked}指向的内容已不存在` })
        continue
      }
      collection = link.relationTo as CollectionSlug
      if (collection === self.collection && String(link.id) === String(self.id)) continue
      where = { id: { equals: link.id } }
      described = clicked
    } else {
      const target = portalTarget(link.url)
      if (!target) continue
      collection = target.collection
      if (collection === self.collection && target.slug === self.slug) continue
      where = { slug: { equals: target.slug } }
      described = `${clicked}（${link.url}）`
    }
    const problem = await findProblem(collection, where, described, req)
    if (problem) problems.push({ ...problem, where: link.where })
  }
  return problems
}

async function findProblem(collection: CollectionSlug, where: Where, described: string, req: PayloadRequest) {
  const { config } = req.payload.collections[collection]
  const kind = labelOf(config.labels?.singular, collection)
  const titleField = config.admin?.useAsTitle ?? 'id'
  const { docs } = await req.payload.find({
    collection,
    where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const target = docs[0] as unknown as ({ id: Id; _status?: string } & Record<string, unknown>) | undefined
  if (!target) return { code: 'link-missing', message: `${described}指向的${kind}不存在` }
  const drafts = Boolean(config.versions && config.versions.drafts)
  if (drafts && target._status !== 'published') {
    const title = target[titleField]
    return { code: 'link-unpublished', message: `${described}指向的${kind}“${String(title ?? target.id)}”尚未发布` }
  }
  return null
}
