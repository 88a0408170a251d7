// The export's two forms: HTML to paste (images at their CMS address), and a .zip with the HTML,
// its images beside it, the cover crops and the 摘要.
import { strToU8, zipSync } from 'fflate'

import { type ArticleImage, wechatHtml } from './html'
import type { WechatArticle } from './load'

const imageName = (n: number) => `images/${String(n).padStart(2, '0')}.jpg`

/** The images of the article, addressed by `srcOf` (a URL for pasting, a file name in the zip). */
function imagesFor(article: WechatArticle, srcOf: (photo: { id: string; filename: string }, n: number) => string) {
  const images = new Map<string, ArticleImage>()
  let n = 0
  for (const photo of article.photos.values()) {
    n += 1
    images.set(photo.id, { src: srcOf(photo, n), alt: photo.alt, caption: photo.caption, width: photo.image.width, height: photo.image.height })
  }
  return images
}

export function articleHtml(article: WechatArticle, srcOf: (photo: { id: string; filename: string }, n: number) => string): string {
  return wechatHtml({
    body: article.body,
    images: imagesFor(article, srcOf),
    gallery: article.gallery,
    byline: article.byline,
    source: article.source,
    portalUrl: article.portalUrl,
  })
}

/** The HTML for the clipboard: images from the CMS, which the 公众号 editor fetches on paste. */
export const clipboardHtml = (article: WechatArticle, mediaUrl: (filename: string) => string) =>
  articleHtml(article, (photo) => mediaUrl(photo.filename))

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title.replace(/[<&]/g, '')}</title></head>` +
  `<body style="margin:0 auto;max-width:677px;padding:16px;">${body}</body></html>\n`

export type WechatZip = { fileName: string; zip: Uint8Array }

export function buildWechatZip(article: WechatArticle): WechatZip {
  const files: Record<string, Uint8Array> = {}
  const html = articleHtml(article, (_photo, n) => imageName(n))
  files['图文.html'] = strToU8(page(article.title, html))
  let n = 0
  for (const photo of article.photos.values()) files[imageName(++n)] = photo.image.data
  if (article.cover) files['封面-2.35比1.jpg'] = article.cover.data
  if (article.thumbnail) files['缩略图-1比1.jpg'] = article.thumbnail.data
  files['标题与摘要.txt'] = strToU8(`标题：${article.title}\r\n摘要：${article.digest}\r\n原文链接：${article.portalUrl}\r\n`)
  // Already-compressed JPEGs are stored, text is deflated.
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: name.endsWith('.jpg') ? 0 : 6 }]])))
  return { fileName: `公众号图文-${article.title}.zip`.replace(/[\\/:*?"<>|]/g, '_'), zip }
}
