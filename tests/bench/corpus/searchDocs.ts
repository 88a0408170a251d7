// The corpus as the site's search documents: through the site's own toSearchDoc, as the renderer does.
import { toSearchDoc } from '../../../site/src/search/searchDoc'
import type { SearchDoc } from '../../../site/src/search/types'
import { type CorpusNews, corpusNews, type CorpusOptions } from './index'

const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)

/** A corpus body as the HTML the site's rich-text renderer makes. */
export const corpusBodyHtml = (body: string[]) =>
  body.map((p) => (p.startsWith('## ') ? `<h2>${escapeHtml(p.slice(3))}</h2>` : `<p>${escapeHtml(p)}</p>`)).join('')

export const corpusSearchDoc = (item: CorpusNews, id: number): SearchDoc =>
  toSearchDoc({
    collection: 'news',
    id,
    slug: item.slug,
    data: { title: item.title, summary: item.summary, bodyHtml: corpusBodyHtml(item.body), column: item.column, tags: item.tags, publishedAt: item.publishedAt },
  })

export function* corpusDocs(count: number, options?: CorpusOptions, firstId = 1): Generator<SearchDoc> {
  let id = firstId
  for (const item of corpusNews(count, options)) yield corpusSearchDoc(item, id++)
}
