import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'

import { toSiteImage } from './images'

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
  },
  allowedSchemes,
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    // Links leaving the site open normally but do not hand the portal to the other page.
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

type Upload = { value?: { filename?: string; alt?: string; caption?: string } }

const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  // Body images point at the copies the site publishes under /media, at a readable size.
  upload: ({ node }) => {
    const media = (node as Upload).value
    if (!media?.filename) return ''
    const image = toSiteImage(media)
    if (!image) return ''
    const caption = media.caption ? `<figcaption>${escapeHtml(media.caption)}</figcaption>` : ''
    return `<figure><img src="${image.src}" srcset="${image.srcset}" sizes="(min-width: 48rem) 46rem, 100vw" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async">${caption}</figure>`
  },
})

/** Lexical JSON from the CMS as HTML that is safe to put in a page. */
export function richTextToHtml(data: unknown): string {
  if (!data || typeof data !== 'object' || !('root' in data)) return ''
  const html = convertLexicalToHTML({ data: data as any, converters, disableContainer: true })
  return sanitizeHtml(html, sanitizeOptions)
}

