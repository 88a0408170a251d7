// The CMS collections and globals the portal publishes (anonymous REST reads: published only).
// No imports: the renderer (site/render/) loads this file with plain Node.
export const cmsCollections = ['news', 'stories', 'events', 'families', 'workstations', 'columns', 'submissions'] as const
export const cmsGlobals = ['site-settings', 'site-pages', 'navigation'] as const

/** Raw CMS documents as the renderer holds them; the store (./store.ts) maps them for pages. */
export type RawContent = {
  /** Bumped on every change: the store's derived views are cached per version. */
  version: number
  collections: Record<string, any[]>
  globals: Record<string, any>
}

/** The CMS's own order of documents: newest id first (numeric ids; others by text). */
export function idDescending(a: unknown, b: unknown): number {
  const [x, y] = [Number(a), Number(b)]
  return Number.isNaN(x) || Number.isNaN(y) ? String(b).localeCompare(String(a)) : y - x
}

/** Where the renderer and the site's server bundle meet in one process (the bundle has its own module copies). */
export const SHARED_KEY = Symbol.for('liushan.content')

/**
 * The documents of `now` that `before` lacks and those of `before` that `now` lacks (by identity:
 * a changed document is a new object). Both lists are in the CMS's order and mostly the same
 * objects in the same places: only the stretch between their common start and end is compared.
 */
export function replacedDocuments<T extends object>(before: readonly T[], now: readonly T[]): { added: T[]; removed: T[] } {
  if (before === now) return { added: [], removed: [] }
  let start = 0
  while (start < before.length && start < now.length && before[start] === now[start]) start++
  let end = 0
  while (end < before.length - start && end < now.length - start && before[before.length - 1 - end] === now[now.length - 1 - end]) end++
  const old = new Set(before.slice(start, before.length - end))
  const added = now.slice(start, now.length - end).filter((doc) => !old.delete(doc))
  return { added, removed: [...old] }
}
