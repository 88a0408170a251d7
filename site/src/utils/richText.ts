import { convertLexicalToHTML, type HTMLConvertersFunction, LinkHTMLConverter } from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'

import { zh } from '../i18n/zh'
import { escapeHtml } from './html'
import { toSiteImage } from './images'
import { docPath } from './paths'

const allowedSchemes = ['http', 'https', 'mailto', 'tel']

/** Editors may paste anything; only this list of tags and attributes ever reaches a reader. */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'code',
    'blockquote', 'ul', 'ol', 'li', 'a', 'hr', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span'],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start'],
    p: ['class'],
    span: ['class'],
  },
  allowedClasses: { p: ['link-card'], span: ['link-card-section'] },
  allowedSchemes,
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    // Links leaving the site open normally but do not hand the portal to the other page.
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
    // The converter marks underline and strikethrough with inline styles, which are never let
    // through (nor allowed by the portal's CSP): keep their meaning as elements instead.
    span: (tagName, attribs) => {
      const style = attribs.style ?? ''
      if (/line-through/.test(style)) return { tagName: 's', attribs: {} }
      if (/underline/.test(style)) return { tagName: 'u', attribs: {} }
      return { tagName, attribs }
    },
  },
}

type Upload = { value?: { filename?: string; alt?: string; caption?: string } }
/** A link's or relationship's target. The CMS populates it only when the public may read it (published); otherwise it is a bare id. */
type DocRef = { relationTo?: string; value?: unknown }
type LinkedDoc = { slug?: string; title?: string; name?: string; familyName?: string }

const sectionLabels: Record<string, string> = {
  news: zh.news.all,
  stories: zh.stories.all,
  events: zh.events.title,
  families: zh.families.title,
  workstations: zh.workstations.title,
  columns: zh.news.all,
}

/** The published target of an internal link or relationship, with its portal URL; undefined when it has no public page. */
function publicTarget(ref: DocRef | undefined): { href: string; title: string; section?: string } | undefined {
  const doc = ref?.value
  if (!ref?.relationTo || !doc || typeof doc !== 'object') return undefined
  const { slug, title, name, familyName } = doc as LinkedDoc
  const href = slug ? docPath(ref.relationTo, slug) : undefined
  if (!href) return undefined
  return { href, title: String(title ?? name ?? familyName ?? slug), section: sectionLabels[ref.relationTo] }
}

const converters: HTMLConvertersFunction = ({ defaultConverters }) => {
  const links = LinkHTMLConverter({ internalDocToHref: ({ linkNode }) => publicTarget(linkNode.fields.doc as DocRef)!.href })
  return {
    ...defaultConverters,
    ...links,
    // A link to an item that is not (or no longer) on the portal reads as plain text, never a dead link.
    link: (args) => {
      const { fields } = args.node
      if (fields.linkType === 'internal' && !publicTarget(fields.doc as DocRef)) return args.nodesToHTML({ nodes: args.node.children }).join('')
      return (links.link as Function)(args)
    },
    // A related item the editor embedded: a card linking to it, or nothing when it is not public.
    relationship: ({ node }) => {
      const target = publicTarget(node as DocRef)
      if (!target) return ''
      const section = target.section ? `<span class="link-card-section">${escapeHtml(target.section)}</span>` : ''
      return `<p class="link-card"><a href="${escapeHtml(target.href)}">${section}${escapeHtml(target.title)}</a></p>`
    },
    // Body images point at the copies the site publishes under /media, at a readable size.
    upload: ({ node }) => {
      const media = (node as Upload).value
      if (!media?.filename) return ''
      const image = toSiteImage(media)
      if (!image) return ''
      const caption = media.caption ? `<figcaption>${escapeHtml(media.caption)}</figcaption>` : ''
      return `<figure><img src="${image.src}" srcset="${image.srcset}" sizes="(min-width: 48rem) 46rem, 100vw" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async">${caption}</figure>`
    },
    // Node types the portal does not know (a feature added to the editor later) show nothing
    // rather than the converter's English "unknown node".
    unknown: () => '',
  }
}

/**
 * Each rich text's HTML, by its object: the content store and the search index both map every
 * document (sanitising is ~0.4 ms a body). Documents are never mutated (a change replaces them,
 * linked documents included), so the same object always gives the same HTML.
 */
const converted = new WeakMap<object, string>()

/** Lexical JSON from the CMS as HTML that is safe to put in a page. */
export function richTextToHtml(data: unknown): string {
  if (!data || typeof data !== 'object' || !('root' in data)) return ''
  let html = converted.get(data)
  if (html === undefined) {
    html = sanitizeHtml(convertLexicalToHTML({ data: data as any, converters, disableContainer: true }), sanitizeOptions)
    converted.set(data, html)
  }
  return html
}
