// The CMS's demo content (cms/src/seed/data/) as the site's mapped items, for search tests: real
// court text, every item treated as published.
import { columns } from '../../../../cms/src/seed/data/columns'
import { events } from '../../../../cms/src/seed/data/events'
import { families } from '../../../../cms/src/seed/data/families'
import { news } from '../../../../cms/src/seed/data/news'
import { stories } from '../../../../cms/src/seed/data/stories'
import { workstations } from '../../../../cms/src/seed/data/workstations'
import { escapeHtml } from '../../utils/html'
import type { SearchableItem } from '../searchDoc'

/** A seed body (paragraphs, "## " headings) as the HTML the site's rich-text renderer makes. */
const bodyHtml = (paragraphs: string[]) =>
  paragraphs.map((p) => (p.startsWith('## ') ? `<h2>${escapeHtml(p.slice(3))}</h2>` : `<p>${escapeHtml(p)}</p>`)).join('')

export function seedItems(): SearchableItem[] {
  let id = 0
  const next = () => ++id
  const ref = (list: { slug: string; title?: string; name?: string }[], slug: string) => {
    const found = list.find((item) => item.slug === slug)
    return found && { slug: found.slug, title: String(found.title ?? found.name) }
  }
  return [
    ...news.map((n): SearchableItem => ({
      collection: 'news',
      id: next(),
      slug: n.slug,
      data: { title: n.title, summary: n.summary, bodyHtml: bodyHtml(n.body), column: ref(columns, n.column), tags: n.tags, publishedAt: n.publishedAt },
    })),
    ...stories.map((s): SearchableItem => ({
      collection: 'stories',
      id: next(),
      slug: s.slug,
      data: { title: s.title, workstation: ref(workstations, s.workstation), kind: s.kind, date: s.date, bodyHtml: bodyHtml(s.body), outcome: s.outcome },
    })),
    ...events.map((e): SearchableItem => ({
      collection: 'events',
      id: next(),
      slug: e.slug,
      data: { title: e.title, startAt: e.startAt, venue: e.venue, format: e.format, organiser: e.organiser, bodyHtml: bodyHtml(e.body) },
    })),
    ...families.map((f): SearchableItem => ({
      collection: 'families',
      id: next(),
      slug: f.slug,
      data: { familyName: f.familyName, relation: f.relation, year: f.year, motto: f.motto, storyHtml: bodyHtml(f.story) },
    })),
    ...workstations.map((w): SearchableItem => ({
      collection: 'workstations',
      id: next(),
      slug: w.slug,
      data: { name: w.name, township: w.township, address: w.address, judges: w.judges, introHtml: bodyHtml(w.intro), foundedAt: w.foundedAt },
    })),
  ]
}
