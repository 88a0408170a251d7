// Fills an index file with everything the CMS publishes: what a full render does (the renderer
// calls rebuild itself), and what the build does until the renderer writes the index.
import { fetchPublished } from '../loaders/cmsApi'
import { mapEvent, mapFamily, mapNews, mapStory, mapWorkstation } from '../loaders/mappers'
import { type SearchableItem, toSearchDoc } from './searchDoc'
import { openSearchIndex } from './searchIndex'

const MAPPERS = { news: mapNews, stories: mapStory, events: mapEvent, families: mapFamily, workstations: mapWorkstation }
export const searchableCollections = Object.keys(MAPPERS) as SearchableItem['collection'][]

/** A published CMS document of a searchable collection as a search document. */
export const cmsDocToSearchDoc = (collection: SearchableItem['collection'], doc: any) =>
  toSearchDoc({ collection, id: doc.id, slug: String(doc.slug ?? doc.id), data: MAPPERS[collection](doc) } as SearchableItem)

/** Rebuilds the index at `file` from the CMS's published documents; returns how many were indexed. */
export async function indexPublished(file: string): Promise<number> {
  const docs = []
  for (const collection of searchableCollections) for (const doc of await fetchPublished(collection)) docs.push(cmsDocToSearchDoc(collection, doc))
  const index = openSearchIndex(file)
  try {
    await index.rebuild(docs)
  } finally {
    index.close()
  }
  return docs.length
}
