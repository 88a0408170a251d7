// The title and breadcrumbs of a news list's pages: its newest page, a month page, its month index.
import type { ArchivePage } from '../content/newsViews'
import { zh } from '../i18n/zh'

type Crumb = { label: string; href?: string }
/** A news list: its name and its newest page. */
type ListName = { name: string; href: string }

export function listPageTitles(list: ListName, page: Pick<ArchivePage<unknown>, 'month' | 'page' | 'nav'>): { title: string; crumbs: Crumb[] } {
  if (!page.month) return { title: list.name, crumbs: [{ label: list.name }] }
  const label = zh.archive.monthPage(page.month, page.page, page.nav.month?.pages.length ?? 1)
  return {
    title: `${list.name}（${label}）`,
    crumbs: [{ label: list.name, href: list.href }, { label: zh.archive.byMonth, href: page.nav.index }, { label }],
  }
}

export const archiveIndexTitles = (list: ListName): { title: string; crumbs: Crumb[] } => ({
  title: `${list.name}（${zh.archive.byMonth}）`,
  crumbs: [{ label: list.name, href: list.href }, { label: zh.archive.byMonth }],
})
