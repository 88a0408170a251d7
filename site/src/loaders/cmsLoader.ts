import type { Loader } from 'astro/loaders'

import { fetchGlobal, fetchPublished } from './cmsApi'

/** A CMS document (typed by the mapper, from the CMS's generated types) to the site's entry data. */
type Mapper<T> = (doc: T) => Record<string, unknown>

/**
 * A content-layer loader for one CMS collection. Entries are keyed by slug; an entry whose CMS
 * document is unchanged (same digest) is left as it is, so rebuilds only redo what changed.
 */
export function cmsCollection<T extends { id: number | string; slug?: string | null }>(collection: string, map: Mapper<T>): Loader {
  return {
    name: `cms:${collection}`,
    load: async ({ store, parseData, generateDigest, logger }) => {
      const docs = await fetchPublished<T>(collection)
      const published = new Set<string>()
      let changed = 0
      for (const doc of docs) {
        const id = String(doc.slug ?? doc.id)
        published.add(id)
        const digest = generateDigest(doc)
        if (store.get(id)?.digest === digest) continue
        store.set({ id, data: await parseData({ id, data: map(doc) }), digest })
        changed++
      }
      // Withdrawn or deleted in the CMS: gone from the site too.
      for (const id of store.keys()) if (!published.has(id)) store.delete(id)
      logger.info(`${collection}: ${docs.length} published, ${changed} changed`)
    },
  }
}

/** A CMS global (site settings, navigation) as a one-entry collection. */
export function cmsGlobal<T extends { id: number | string }>(slug: string, map: Mapper<T>): Loader {
  return {
    name: `cms:global:${slug}`,
    load: async ({ store, parseData, generateDigest }) => {
      const doc = await fetchGlobal<T>(slug)
      const digest = generateDigest(doc)
      if (store.get(slug)?.digest === digest) return
      store.clear()
      store.set({ id: slug, data: await parseData({ id: slug, data: map(doc) }), digest })
    },
  }
}
