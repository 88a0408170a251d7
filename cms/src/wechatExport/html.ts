// The article as WeChat-editor-ready HTML: the body rendered from Lexical as the portal renders it,
// then every element rewritten with inline styles only — no classes, no stylesheet, no script —
// with its photos in place and captioned, a byline, 来源 and 阅读原文 (the portal's page).
import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import { type Element, Window } from 'happy-dom'

import { bylineStyle, footerStyle, keptStyle, tagStyles, wrapperStyle } from './styles'

/** A photo as the article shows it: where the image is, and what is written under it. */
export type ArticleImage = { src: string; alt: string; caption: string; width: number; height: number }

export type WechatArticleInput = {
  /** Lexical JSON of the body. */
  body: unknown
  /** Photos by media id, for the upload nodes of the body and the gallery. */
  images: Map<string, ArticleImage>
  /** Photos shown after the body (stories, events, families keep theirs in a gallery). */
  gallery: string[]
  byline: string
  source: string
  portalUrl: string
}

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const figureHtml = (image: ArticleImage) =>
  `<figure><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}">` +
  (image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '') +
  '</figure>'

const idOfValue = (value: unknown) => String(value && typeof value === 'object' ? (value as { id?: unknown }).id : value)

/** Keeps only what the WeChat editor takes: known tags, their inline style, links and image sources. */
function restyle(element: Element) {
  for (const child of [...element.children]) restyle(child)
  if (element.tagName === 'TEMPLATE' || element.tagName === 'BODY') return
  const tag = element.tagName.toLowerCase()
  const style = tagStyles[tag]
  if (style === undefined) {
    // Unknown elements (and anything an editor pasted) give up their markup, keep their text.
    element.replaceWith(...element.childNodes)
    return
  }
  const href = tag === 'a' ? element.getAttribute('href') : null
  const src = tag === 'img' ? element.getAttribute('src') : null
  const alt = tag === 'img' ? element.getAttribute('alt') : null
  const width = tag === 'img' ? element.getAttribute('width') : null
  const own = element.getAttribute('style')?.trim() ?? ''
  for (const { name } of [...element.attributes]) element.removeAttribute(name)
  const combined = `${style}${own && keptStyle.test(own) ? own : ''}`
  if (combined) element.setAttribute('style', combined)
  if (href && /^https?:/i.test(href)) element.setAttribute('href', href)
  if (src) element.setAttribute('src', src)
  if (alt !== null) element.setAttribute('alt', alt)
  if (width) element.setAttribute('style', `${combined}width:${width}px;`)
}

/** The body HTML exactly as Lexical's converters give it, with our figures for uploads. */
export function bodyHtml(body: unknown, images: Map<string, ArticleImage>): string {
  if (!body || typeof body !== 'object' || !('root' in body)) return ''
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    upload: ({ node }) => {
      const image = images.get(idOfValue((node as { value?: unknown }).value))
      return image ? figureHtml(image) : ''
    },
  })
  return convertLexicalToHTML({ data: body as never, converters, disableContainer: true })
}

/** The whole article for pasting into the 公众号 editor. */
export function wechatHtml(input: WechatArticleInput): string {
  const gallery = input.gallery.map((id) => input.images.get(id)).filter((image): image is ArticleImage => Boolean(image))
  const raw =
    (input.byline ? `<p data-part="byline">${escapeHtml(input.byline)}</p>` : '') +
    bodyHtml(input.body, input.images) +
    gallery.map(figureHtml).join('')
  const window = new Window()
  const container = window.document.createElement('section')
  container.innerHTML = raw
  for (const child of [...container.children]) restyle(child as unknown as Element)
  // The byline is the first paragraph, in grey.
  const first = container.firstElementChild
  if (input.byline && first) first.setAttribute('style', bylineStyle)
  const content = container.innerHTML
  window.close()

  const footer =
    `<p style="${footerStyle}">` +
    (input.source ? `来源：${escapeHtml(input.source)}<br>` : '') +
    `<a href="${escapeHtml(input.portalUrl)}" style="color:#576b95;text-decoration:none;">阅读原文</a>：${escapeHtml(input.portalUrl)}` +
    '</p>'
  return `<section style="${wrapperStyle}">${content}${footer}</section>`
}

/** The plain text of some HTML, spaces collapsed: for comparing what readers read. */
export function textOf(html: string): string {
  const window = new Window()
  const div = window.document.createElement('div')
  div.innerHTML = html
  const text = div.textContent ?? ''
  window.close()
  return text.replace(/\s+/g, ' ').trim()
}
