/** One searchable item, as the renderer hands it to the index (see toSearchDoc). */
export type SearchDoc = {
  /** Collection and CMS id, as in 'news:123'. */
  key: string
  url: string
  title: string
  /** The 栏目 or section label shown with the result, and searched (廉洁家风 finds the families). */
  section: string
  /** ISO date shown with the result. */
  date?: string
  /** Plain body text. */
  text: string
  tags: string[]
}

export type SearchHit = {
  url: string
  title: string
  section: string
  date?: string
  /** HTML-escaped text with the query's words in <mark>. */
  excerpt: string
}

export type SearchResult = { total: number; hits: SearchHit[] }

export type RebuildOptions = {
  /** Segmenter threads (default: none for a few documents, else one per core). */
  threads?: number
  /**
   * Built, the new index waits for this before it takes the index's name: true puts it in place,
   * false throws it away (a full render builds it while its pages render, and swaps it in only
   * once they are published).
   */
  swapWhen?: Promise<boolean>
}

export type SearchIndex = {
  upsert(doc: SearchDoc): void
  remove(key: string): void
  /**
   * Replaces everything with `docs`, written into a new file that takes the index's name when finished.
   */
  rebuild(docs: Iterable<SearchDoc>, opts?: RebuildOptions): Promise<void>
  query(q: string, opts?: { page?: number; perPage?: number }): SearchResult
  close(): void
}
