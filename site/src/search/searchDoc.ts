// The site's mapped items (loaders/mappers.ts) as search documents, so that a caller (the renderer,
// the build) need not know which field of which collection is searchable.
import { zh } from '../i18n/zh'
import { eventPath, familyPath, newsPath, storyPath, workstationPath } from '../utils/paths'
import type { SearchDoc } from './types'

/** Lines of a report's header that are not its text (发布时间：… 撰稿：… 摄影：…). */
const BYLINE = /^\s*[【[（(]?\s*(发布时间|发布日期|时间|撰稿|撰稿人|作者|文|摄影|图|来源|编辑|责任编辑|审核|审稿|校对|通讯员|记者)\s*[:：]/

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
const decodeEntities = (html: string) =>
  html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })

/** Rendered rich text (our own sanitised HTML) as plain text: one line per block, bylines left out. */
export function htmlToText(html: string): string {
  const text = decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote|figcaption|figure|tr|section|article)>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
  return cleanText(text)
}

/** Plain text without byline lines and with even whitespace. */
export function cleanText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u3000]+/g, ' ').trim())
    .filter((line) => line && !BYLINE.test(line))
    .join('\n')
}

type When = string | Date | undefined | null
const iso = (when: When) => (when ? new Date(when).toISOString() : undefined)
const joinText = (...parts: (string | undefined | null | false)[]) => cleanText(parts.filter(Boolean).join('\n'))
const defined = (...values: (string | undefined | null)[]) => values.filter((value): value is string => Boolean(value))
type Ref = { slug: string; title: string } | undefined

export type SearchableItem = { id: string | number; slug: string } & (
  | { collection: 'news'; data: { title: string; summary?: string; bodyHtml: string; column?: Ref; tags: string[]; publishedAt: When } }
  | { collection: 'stories'; data: { title: string; workstation?: Ref; kind: string; date: When; bodyHtml: string; outcome?: string } }
  | { collection: 'events'; data: { title: string; startAt: When; venue?: string; format: string; organiser?: string; bodyHtml: string } }
  | { collection: 'families'; data: { familyName: string; relation?: string; year: number; motto: string; storyHtml: string } }
  | { collection: 'workstations'; data: { name: string; township: string; address?: string; judges: { name: string }[]; introHtml: string; foundedAt?: When } }
)

export const searchKey = (collection: string, id: string | number) => `${collection}:${id}`

export function toSearchDoc(item: SearchableItem): SearchDoc {
  const key = searchKey(item.collection, item.id)
  switch (item.collection) {
    case 'news': {
      const { data } = item
      return {
        key,
        url: newsPath(item.slug),
        title: data.title,
        section: data.column?.title ?? zh.news.all,
        date: iso(data.publishedAt),
        text: joinText(data.summary, htmlToText(data.bodyHtml)),
        tags: data.tags,
      }
    }
    case 'stories': {
      const { data } = item
      return {
        key,
        url: storyPath(item.slug),
        title: data.title,
        section: zh.stories.all,
        date: iso(data.date),
        text: joinText(htmlToText(data.bodyHtml), data.outcome && `${zh.stories.outcome}：${data.outcome}`),
        tags: defined(data.workstation?.title, zh.stories.kinds[data.kind], zh.workstations.title),
      }
    }
    case 'events': {
      const { data } = item
      return {
        key,
        url: eventPath(item.slug),
        title: data.title,
        section: zh.events.title,
        date: iso(data.startAt),
        text: htmlToText(data.bodyHtml),
        tags: defined(zh.events.formats[data.format], data.venue, data.organiser),
      }
    }
    case 'families': {
      const { data } = item
      return {
        key,
        url: familyPath(item.slug),
        title: data.familyName,
        section: zh.families.title,
        text: joinText(`${zh.families.motto}：${data.motto}`, htmlToText(data.storyHtml)),
        tags: defined(data.relation, zh.families.year(data.year), zh.homePage.families),
      }
    }
    case 'workstations': {
      const { data } = item
      return {
        key,
        url: workstationPath(item.slug),
        title: data.name,
        section: zh.workstations.title,
        text: joinText(htmlToText(data.introHtml), data.address && `${zh.workstations.address}：${data.address}`),
        tags: defined(data.township, ...data.judges.map((judge) => judge.name)),
      }
    }
  }
}
