import { describe, expect, it } from 'vitest'

import { type Article, archiveIndexOf, archivePageOf, articleOf, monthOf, newsViews, type NewsViews, PAGE_SIZE } from './newsViews'

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
    const page = archivePageOf(views, url)
    return [url, page ? { month: page.month, page: page.page, items: page.items.map((n) => n.raw), nav: page.nav } : archiveIndexOf(views, url)!]
  }))
  const articles = Object.fromEntries(views.news.map((n) => {
    const article = articleOf(views, n.id)!
    return [n.id, { raw: n.raw, newer: article.newer?.raw, older: article.older?.raw, related: article.related.map((r) => r.raw) }]
  }))
  return { months: [...views.months].sort(), order: views.news.map((n) => n.raw), bySlug: [...views.bySlug].map(([slug, n]) => [slug, n.raw]).sort(), pages, articles, digests: Object.fromEntries([...views.digests].sort()) }
}

describe('news views carried from one version to the next', () => {
  // Many articles a month (days: 100), and few a month over years, so that months come and go often.
  for (const [seed, days] of [[12, 100], [7, 900]]) {
    it(`equal views computed afresh after random publishes, withdrawals, edits and back-dated articles (${days} days)`, () => {
      const rng = random(seed)
      let nextId = 1
      const doc = (at: number): Doc => ({
        id: nextId, slug: `n${nextId++}`, at, column: rng.next() < 0.8 ? columns[rng.int(3)] : undefined,
        tags: Array.from({ length: rng.int(3) }, () => `t${rng.int(8)}`),
      })
      const someDay = () => Date.UTC(2025, 0, 1) + rng.int(days) * 86_400_000
      // Many articles at the same moment: ties go by id.
      const docs: Doc[] = Array.from({ length: 130 }, () => doc(someDay()))
      let views = newsViews(undefined, [...docs].reverse(), columns, entry, order)
      for (let step = 0; step < 120; step++) {
        const kind = rng.int(6)
        if (kind === 0) docs.push(doc(Date.UTC(2027, 6, 1) + step * 3_600_000))
        else if (kind === 1) docs.push(doc(someDay()))
        else if (kind === 2 && docs.length > 5) docs.splice(rng.int(docs.length), 1)
        else if (kind === 3) {
          const at = rng.int(docs.length)
          docs[at] = { ...docs[at], tags: [`t${rng.int(8)}`], column: columns[rng.int(3)] }
        } else if (kind === 4) {
          // Back-dated (or forward-dated) into another month.
          const at = rng.int(docs.length)
          docs[at] = { ...docs[at], at: someDay() }
        } else {
          // Several at once, one of them renamed.
          const at = rng.int(docs.length)
          docs[at] = { ...docs[at], slug: `${docs[at].slug}x` }
          docs.push(doc(someDay()))
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
  }

  it('keeps the digest strings of the views a publish does not reach, and gives the reached ones new values', () => {
    const docs: Doc[] = Array.from({ length: 95 }, (_, i) => ({ id: i + 1, slug: `n${i + 1}`, at: Date.UTC(2025, 0, 1) + i * 86_400_000, column: 'c0', tags: [] }))
    const before = newsViews(undefined, [...docs].reverse(), columns, entry, order)
    // Back-dated before everything, into a month of its own: no other month's pages shift; the newest pages stay.
    const oldest: Doc = { id: 96, slug: 'n96', at: Date.UTC(2024, 0, 1), column: 'c0', tags: [] }
    // `before` is patched into `after`: what it showed is kept aside.
    const beforeDigests = new Map(before.digests)
    const after = newsViews(before, [oldest, ...docs].reverse(), columns, entry, order)
    const changed = [...after.digests.keys()].filter((tag) => beforeDigests.get(tag) !== after.digests.get(tag)).sort()
    expect(changed).toEqual([
      // A new month: its pages, both month indexes, and the pages of the month after it (they link to it).
      'view:/columns/c0/2024/01/', 'view:/columns/c0/2025/01/', 'view:/columns/c0/2025/01/2/', 'view:/columns/c0/archive/',
      'view:/news/2024/01/', 'view:/news/2025/01/', 'view:/news/2025/01/2/', 'view:/news/archive/',
      // Its page, its newer neighbour's, and those whose related items it joins.
      'view:/news/n1/', 'view:/news/n2/', 'view:/news/n3/', 'view:/news/n96/',
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

describe('a withdrawal from the middle of a long history', () => {
  // 3,000 articles, three a day over ~33 months, round the columns; tags at random.
  const rng = random(5)
  const docs: Doc[] = Array.from({ length: 3000 }, (_, i) => ({
    id: i + 1, slug: `n${i + 1}`, at: Date.UTC(2023, 0, 1) + i * 8 * 3_600_000, column: columns[i % 3], tags: [`t${rng.int(8)}`, `t${rng.int(8)}`],
  }))
  const monthOfDoc = (d: Doc) => monthOf(entry(d))
  const monthPath = (month: string, page: number, column?: string) =>
    `view:/${column ? `columns/${column}` : 'news'}/${month.slice(0, 4)}/${month.slice(4)}/${page > 1 ? `${page}/` : ''}`

  /**
   * The list pages withdrawing `gone` from `all` must change, by the month scheme, worked out from
   * the documents: in its month (of all news, and of its column), the page that held it and every
   * later one; when that leaves the month a page fewer, all its pages and the first page of the
   * month after it (its 下一页 leads to the month's last page); and the two month indexes.
   */
  function expectedListTags(all: Doc[], gone: Doc): string[] {
    const tags: string[] = []
    for (const column of [undefined, gone.column]) {
      const month = monthOfDoc(gone)
      const inList = all.filter((d) => column === undefined || d.column === column)
      const ofMonth = inList.filter((d) => monthOfDoc(d) === month).sort((a, b) => a.at - b.at || a.id - b.id)
      const pages = Math.ceil(ofMonth.length / PAGE_SIZE)
      const shrinks = Math.ceil((ofMonth.length - 1) / PAGE_SIZE) < pages
      const first = shrinks ? 1 : Math.floor(ofMonth.indexOf(gone) / PAGE_SIZE) + 1
      for (let page = first; page <= pages; page++) tags.push(monthPath(month, page, column))
      if (shrinks) {
        const later = [...new Set(inList.map(monthOfDoc))].sort().find((m) => m > month)
        if (later) tags.push(monthPath(later, 1, column))
      }
      tags.push(`view:/${column ? `columns/${column}` : 'news'}/archive/`)
    }
    return tags.sort()
  }

  /** Withdraws `gone`: the tags whose digests changed, split into article pages and the others. */
  function withdraw(all: Doc[], gone: Doc) {
    const before = newsViews(undefined, [...all].reverse(), columns, entry, order)
    const digests = new Map(before.digests)
    const after = newsViews(before, all.filter((d) => d !== gone).reverse(), columns, entry, order)
    const changed = [...new Set([...digests.keys(), ...after.digests.keys()])].filter((tag) => digests.get(tag) !== after.digests.get(tag))
    const isArticle = (tag: string) => /^view:\/news\/n\d+\/$/.test(tag)
    // The carried set says the same.
    expect([...after.changed!].sort()).toEqual(changed.sort())
    return { lists: changed.filter((tag) => !isArticle(tag) && !tag.startsWith('view:sitemap:')).sort(), articles: changed.filter(isArticle) }
  }

  it('changes only the pages of its month and the two month indexes, not every later page', () => {
    const gone = docs[1500]
    const { lists, articles } = withdraw(docs, gone)
    console.log(`withdrawn ${gone.slug} (${monthOfDoc(gone)}): ${lists.length} list pages changed, ${articles.length} article views`)
    expect(lists).toEqual(expectedListTags(docs, gone))
    expect(lists.length).toBeLessThanOrEqual(12)
    // Its own page, its neighbours in the column, the newer ones that showed it as related.
    expect(articles.length).toBeLessThanOrEqual(64)
  })

  it('reaches the first page of the next month when its month loses a page', () => {
    // A month left at 20k + 1 articles of all news: withdrawing one of them drops its last page.
    const month = monthOfDoc(docs[1500])
    const ofMonth = docs.filter((d) => monthOfDoc(d) === month)
    const all = docs.filter((d) => !ofMonth.slice(0, ofMonth.length % PAGE_SIZE - 1 + (ofMonth.length % PAGE_SIZE === 0 ? PAGE_SIZE : 0)).includes(d))
    const left = all.filter((d) => monthOfDoc(d) === month)
    expect(left.length % PAGE_SIZE).toBe(1)
    const gone = left[Math.floor(left.length / 2)]
    const { lists } = withdraw(all, gone)
    const expected = expectedListTags(all, gone)
    const next = [...new Set(all.map(monthOfDoc))].sort().find((m) => m > month)!
    expect(expected).toContain(monthPath(next, 1))
    expect(lists).toEqual(expected)
  })
})
