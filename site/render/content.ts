// The published CMS content the renderer holds (raw REST documents, depth 1), loaded once and
// patched per change. The site's store (src/content/store.ts) maps it for pages.
import { fetchGlobal, fetchPublished, fetchPublishedByIds } from '../src/loaders/cmsApi.ts'
import { cmsCollections, cmsGlobals, idDescending, type RawContent } from '../src/content/cmsSources.ts'

export type Change = { kind: 'doc'; collection: string; id: string | number } | { kind: 'global'; slug: string }

/**
 * Where the renderer reads published content: the CMS's anonymous REST API in production
 * (cmsSource); benchmarks hand it an in-memory one, so the render path is measured without a CMS.
 */
export type ContentSource = {
  /** Every published document of a collection (any order). */
  fetchAll(collection: string): Promise<any[]>
  /** The published documents among `ids` (absent: withdrawn, deleted or never were). */
  fetchByIds(collection: string, ids: string[]): Promise<any[]>
  fetchGlobal(slug: string): Promise<any>
}

export const cmsSource: ContentSource = {
  fetchAll: (collection) => fetchPublished(collection),
  fetchByIds: (collection, ids) => fetchPublishedByIds(collection, ids),
  fetchGlobal: (slug) => fetchGlobal(slug),
}


/** One canonical order (newest id first, as the CMS lists them), so a patched state equals a fresh load. */
const canonical = (docs: any[]) => docs.sort((a, b) => idDescending(a.id, b.id))

export async function loadContent(source: ContentSource = cmsSource): Promise<RawContent> {
  const collections: Record<string, any[]> = {}
  const globals: Record<string, any> = {}
  await Promise.all([
    ...cmsCollections.map(async (slug) => (collections[slug] = canonical(await source.fetchAll(slug)))),
    ...cmsGlobals.map(async (slug) => (globals[slug] = await source.fetchGlobal(slug))),
  ])
  // Walked now, at load, rather than on the first change.
  for (const docs of Object.values(collections)) for (const doc of docs) references(doc)
  return { version: 1, collections, globals }
}

/**
 * What a raw document points at: the id of every populated relation (an object with an id, at any
 * depth: fields, arrays, rich-text uploads and links), and "collection:id" of every polymorphic
 * one ({ relationTo, value }) whose value is bare (an unreadable target). Ids alone, whatever the
 * collection: a superset, so a change never misses a document that shows it.
 */
type References = { ids: Set<string>; bare: Set<string> }

function collectReferences(value: unknown, found: References, depth: number) {
  if (value === null || typeof value !== 'object' || depth > 16) return
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, found, depth + 1)
    return
  }
  const object = value as Record<string, unknown>
  if (depth > 0 && object.id !== undefined) found.ids.add(String(object.id))
  if (typeof object.relationTo === 'string' && object.value !== null && typeof object.value !== 'object') found.bare.add(`${object.relationTo}:${object.value}`)
  for (const key in object) collectReferences(object[key], found, depth + 1)
}

// Documents are never mutated (a change replaces the object), so each one is walked once.
const referencesOf = new WeakMap<object, References>()
function references(doc: object): References {
  let found = referencesOf.get(doc)
  if (!found) {
    found = { ids: new Set(), bare: new Set() }
    collectReferences(doc, found, 0)
    referencesOf.set(doc, found)
  }
  return found
}

const refersTo = (doc: object, collection: string, id: string) => {
  const { ids, bare } = references(doc)
  return ids.has(id) || bare.has(`${collection}:${id}`)
}

/**
 * The content after `changes`. A changed document is fetched again
 * (absent: withdrawn or deleted); so are the documents that show it through a relation (news
 * carry their column's title, coverage its item, pages their photos). Candidates are found by id
 * alone, a superset: fetching one too many costs a request, never a wrong page.
 */
export async function applyChanges(content: RawContent, changes: Change[], source: ContentSource = cmsSource): Promise<{ content: RawContent }> {
  const collections = { ...content.collections }
  const globals = { ...content.globals }
  const refetch = new Map<string, Set<string>>()
  const want = (collection: string, id: string) => {
    if (!(cmsCollections as readonly string[]).includes(collection)) return
    const ids = refetch.get(collection) ?? new Set<string>()
    refetch.set(collection, ids.add(id))
  }

  for (const change of changes) {
    if (change.kind === 'global') {
      if (!(cmsGlobals as readonly string[]).includes(change.slug)) continue
      globals[change.slug] = await source.fetchGlobal(change.slug)
      continue
    }
    const id = String(change.id)
    want(change.collection, id)
    for (const slug of cmsCollections) {
      for (const doc of collections[slug] ?? []) {
        if (slug === change.collection && String(doc.id) === id) continue
        if (refersTo(doc, change.collection, id)) want(slug, String(doc.id))
      }
    }
  }

  for (const [collection, ids] of refetch) {
    const fresh = new Map((await source.fetchByIds(collection, [...ids])).map((doc) => [String(doc.id), doc]))
    const before = new Map((collections[collection] ?? []).filter((doc) => ids.has(String(doc.id))).map((doc) => [String(doc.id), doc]))
    const kept = (collections[collection] ?? []).filter((doc) => !ids.has(String(doc.id)))
    for (const id of ids) {
      const [old, now] = [before.get(id), fresh.get(id)]
      // Unchanged documents keep their object, so the store's mapping of them is kept too.
      const same = old && now && JSON.stringify(old) === JSON.stringify(now)
      if (now) kept.push(same ? old : now)
    }
    collections[collection] = canonical(kept)
  }
  return { content: { version: content.version + 1, collections, globals } }
}
