import { describe, expect, it } from 'vitest'

import { type Article, articleOf, archivePageOf, newsViews, type NewsViews } from './newsViews'

type Doc = { id: number; slug: string; at: number; column?: string; tags: string[] }
type Item = Article & { raw: Doc }

// As the store does: one entry per document object, so an unchanged document keeps its entry.
const entries = new WeakMap<object, Item>()
const entry = (doc: object) => {
  let found = entries.get(doc)
  if (!found) {
    const raw = doc as Doc
    found = { id: raw.slug, raw, data: { publishedAt: new Date(raw.at), column: raw.column ? { slug: raw.column } : undefined, tags: raw.tags } }
    entries.set(doc, found)
  }
  return found
}
const order = (a: Item, b: Item) => b.data.publishedAt.getTime() - a.data.publishedAt.getTime() || b.raw.id - a.raw.id

function random(seed: number) {
  let state = seed
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  return { next, int: (n: number) => Math.floor(next() * n) }
}

const columns = ['c0', 'c1', 'c2']

/** Everything a page can read from the views, by ids. */
function shown(views: NewsViews<Item>) {
  const pages = Object.fromEntries([...views.pages.keys()].map((url) => {
    const page = archivePageOf(views, url)!
    return [url, { title: page.title, items: page.items.map((n) => n.raw), nav: page.nav }]
  }))
  const articles = Object.fromEntries(views.news.map((n) => {
    const article = articleOf(views, n.id)!
    return [n.id, { raw: n.raw, newer: article.newer?.raw, older: article.older?.raw, related: article.related.map((r) => r.raw) }]
  }))
  return { months: [...views.months].sort(), order: views.news.map((n) => n.raw), bySlug: [...views.bySlug].map(([slug, n]) => [slug, n.raw]).sort(), pages, articles, digests: Object.fromEntries([...views.digests].sort()) }
}

describe('news views carried from one version to the next', () => {
  it('equal views computed afresh after random publishes, withdrawals, edits and back-dated articles', () => {
    const rng = random(12)
    let nextId = 1
    const doc = (at: number): Doc => ({
      id: nextId, slug: `n${nextId++}`, at, column: rng.next() < 0.8 ? columns[rng.int(3)] : undefined,
      tags: Array.from({ length: rng.int(3) }, () => `t${rng.int(8)}`),
    })
    // Many articles at the same moment: ties go by id.
    const docs: Doc[] = Array.from({ length: 130 }, () => doc(Date.UTC(2025, 0, 1) + rng.int(100) * 86_400_000))
    let views = newsViews(undefined, [...docs].reverse(), columns, entry, order)
    for (let step = 0; step < 120; step++) {
      const kind = rng.int(5)
      if (kind === 0) docs.push(doc(Date.UTC(2025, 6, 1) + step * 3_600_000))
      else if (kind === 1) docs.push(doc(Date.UTC(2025, 0, 1) + rng.int(100) * 86_400_000))
      else if (kind === 2 && docs.length > 5) docs.splice(rng.int(docs.length), 1)
      else if (kind === 3) {
        const at = rng.int(docs.length)
        docs[at] = { ...docs[at], tags: [`t${rng.int(8)}`], column: columns[rng.int(3)] }
      } else {
        // Several at once, one of them renamed.
        const at = rng.int(docs.length)
        docs[at] = { ...docs[at], slug: `${docs[at].slug}x` }
        docs.push(doc(Date.UTC(2025, 0, 1) + rng.int(100) * 86_400_000))
        docs.splice(rng.int(docs.length), 1)
      }
      const current = [...docs].sort((a, b) => b.id - a.id)
      views = newsViews(views, current, columns, entry, order)
      const [carried, afresh] = [shown(views), shown(newsViews(undefined, current, columns, entry, order))]
      // Compared as text (fast); on a difference, as objects (a readable diff).
      if (JSON.stringify(carried) !== JSON.stringify(afresh)) expect(carried, `step ${step}`).toEqual(afresh)
    }
    // ~1.5 s idle; the shared CI machine may be slow.
  }, 60_000)

  it('keeps the digest strings of the views a publish does not reach, and gives the reached ones new values', () => {
    const docs: Doc[] = Array.from({ length: 95 }, (_, i) => ({ id: i + 1, slug: `n${i + 1}`, at: Date.UTC(2025, 0, 1) + i * 86_400_000, column: 'c0', tags: [] }))
    const before = newsViews(undefined, [...docs].reverse(), columns, entry, order)
    // Back-dated before everything: every archive page of the list shifts by one; the newest pages stay.
    const oldest: Doc = { id: 96, slug: 'n96', at: Date.UTC(2024, 0, 1), column: 'c0', tags: [] }
    // `before` is patched into `after`: what it showed is kept aside.
    const beforeDigests = new Map(before.digests)
    const after = newsViews(before, [oldest, ...docs].reverse(), columns, entry, order)
    const changed = [...after.digests.keys()].filter((tag) => beforeDigests.get(tag) !== after.digests.get(tag)).sort()
    expect(changed).toEqual([
      'view:/columns/c0/page/1/', 'view:/columns/c0/page/2/', 'view:/columns/c0/page/3/', 'view:/columns/c0/page/4/',
      'view:/news/n1/', 'view:/news/n2/', 'view:/news/n3/', 'view:/news/n96/',
      'view:/news/page/1/', 'view:/news/page/2/', 'view:/news/page/3/', 'view:/news/page/4/',
      // Its month's sitemap file, a new one.
      'view:sitemap:202401', 'view:sitemap:months',
    ])
    // Unreached views: the very same strings, compared by identity.
    expect(after.digests.get('view:/news/n50/')).toBe(beforeDigests.get('view:/news/n50/'))
    // An edit (a new object, same ids) gives pages the new entry although no digest changes.
    const edited = { ...docs[94] }
    const next = newsViews(after, [edited, ...docs.slice(0, 94).reverse(), oldest], columns, entry, order)
    expect(archivePageOf(next, '/news/')!.items[0].raw).toBe(edited)
    expect(next.bySlug.get('n95')!.raw).toBe(edited)
  })
})
