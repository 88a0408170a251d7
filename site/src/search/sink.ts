// The renderer's search sink (site/render/ calls it through the store's shared api, since the
// index code runs inside the server bundle): a full render rebuilds the index from the published
// content it holds; a change upserts or removes just the documents it changed.
import type { RawContent } from '../content/cmsSources'
import { cmsDocToSearchDoc, searchableCollections } from './indexPublished'
import { searchIndexPath } from './indexPath'
import { searchKey } from './searchDoc'
export { warmSegmenter as warmSearch } from './segment'
import { openSearchIndex } from './searchIndex'
import { segmenterThreads } from './segmentThreads'
import type { SearchableItem } from './searchDoc'

/** Cores a full render's pages keep busy while the index is rebuilt beside them (site/render/: render thread, compression thread). */
const RENDERING_CORES = 2

type Changed = { collection: string; id: string; published: boolean }

const searchable = (collection: string): collection is SearchableItem['collection'] =>
  (searchableCollections as string[]).includes(collection)

async function withIndex(work: (index: ReturnType<typeof openSearchIndex>) => unknown) {
  const index = openSearchIndex(searchIndexPath())
  try {
    await work(index)
  } finally {
    index.close()
  }
}

/**
 * Resolves when the new index is in place (segmentation runs in threads meanwhile), or, with
 * `swapWhen`, once that has said whether to put it in place.
 */
export async function rebuildSearch(content: RawContent, swapWhen?: Promise<boolean>) {
  const count = searchableCollections.reduce((sum, collection) => sum + (content.collections[collection]?.length ?? 0), 0)
  // Mapped as the segmenters ask for them: mapped all at once, they held up a full render's first
  // page by seconds at 10k news, the compression thread idle meanwhile.
  const docs = (function* () {
    for (const collection of searchableCollections) for (const doc of content.collections[collection] ?? []) yield cmsDocToSearchDoc(collection, doc)
  })()
  // With swapWhen, pages render meanwhile: the render and compression threads keep two cores busy,
  // and a second segmenter on a 2-core machine only loaded another dictionary (~50 MB) to compete with them.
  const threads = segmenterThreads(count, swapWhen ? RENDERING_CORES : 0)
  await withIndex((index) => index.rebuild(docs, { swapWhen, threads }))
}

export async function updateSearch(content: RawContent, changed: Changed[]) {
  const relevant = changed.filter((doc) => searchable(doc.collection))
  if (!relevant.length) return
  await withIndex((index) => {
    for (const { collection, id, published } of relevant) {
      const doc = published ? content.collections[collection]?.find((d) => String(d.id) === id) : undefined
      if (doc && searchable(collection)) index.upsert(cmsDocToSearchDoc(collection, doc))
      else index.remove(searchKey(collection, id))
    }
  })
}
