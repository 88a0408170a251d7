// Outside-media coverage (媒体聚焦): which of our items outlets adopted or published.
import { beijingYear } from './dates'
import { docPath } from './paths'

export type CoverageItem = { collection: 'news' | 'stories' | 'events' | 'families'; slug: string; title: string }
export type CoverageData = {
  outlet: string
  level?: string
  outcome: string
  publishedOn?: Date
  issue?: string
  page?: string
  url?: string
  item?: CoverageItem
}

export const coverageItemPath = (item: CoverageItem) => docPath(item.collection, item.slug)!

/** Coverage the portal shows: about a public item, newest first (undated last). */
export function shownCoverage<T extends { data: CoverageData }>(entries: readonly T[]): (T & { data: { item: CoverageItem } })[] {
  return entries
    .filter((entry): entry is T & { data: { item: CoverageItem } } => entry.data.item !== undefined)
    .sort((a, b) => (b.data.publishedOn?.getTime() ?? 0) - (a.data.publishedOn?.getTime() ?? 0))
}

/** The coverage of one item, for its own page. */
export const coverageOf = <T extends { data: CoverageData }>(entries: readonly T[], collection: CoverageItem['collection'], slug: string) =>
  shownCoverage(entries).filter((entry) => entry.data.item.collection === collection && entry.data.item.slug === slug)

/** “第 12 期 · 第 3 版” style details, when known. */
export function issueAndPage({ issue, page }: Pick<CoverageData, 'issue' | 'page'>): string | undefined {
  const parts = [issue && (/^第/.test(issue) ? issue : `第 ${issue} 期`), page && (/^第/.test(page) ? page : `第 ${page} 版`)].filter(Boolean)
  return parts.length ? parts.join(' · ') : undefined
}

/** Groups by the year of publication, newest year first; undated coverage under `undefined`. */
export function byYear<T extends { data: CoverageData }>(entries: readonly T[]): [number | undefined, T[]][] {
  const groups = new Map<number | undefined, T[]>()
  for (const entry of entries) {
    const year = entry.data.publishedOn ? beijingYear(entry.data.publishedOn) : undefined
    groups.set(year, [...(groups.get(year) ?? []), entry])
  }
  return [...groups].sort(([a], [b]) => (b ?? 0) - (a ?? 0))
}
