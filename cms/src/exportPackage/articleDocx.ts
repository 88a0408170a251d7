// The manuscript (稿件) as a .docx in 公文 layout: title, byline, text with its photos, contact line.
import { Document, type FileChild, Packer, Paragraph } from 'docx'

import { pageNumberFooters, sectionProperties, styleIds, styles } from './layout'
import { lexicalToDocx, uploadIds } from './lexicalToDocx'
import { figure, type Id, type Photo } from './photos'
import { titleLines } from './titleLines'

export type Article = {
  title: string
  /** Who wrote it, e.g. "通讯员 张三 李四"; printed in brackets under the title. Empty for none. */
  byline: string
  /** The rich text (Lexical JSON). */
  body: unknown
  /** Photos shown before the text (a news item's cover). */
  leadPhotoIds: Id[]
  /** Photos shown after the text (the item's photo set). */
  galleryPhotoIds: Id[]
  /** "报送单位：湖西县人民法院　联系人：张三　联系电话：…" */
  contactLine: string
}

export type ArticleOptions = {
  /** The photos the article may show, by id. */
  photos: ReadonlyMap<string, Photo>
  /** The document's author in its properties (the court). */
  creator?: string
}

/**
 * Where each photo goes: the lead photos first, those in the text where they stand, then the
 * photo set; a photo already in the text is not repeated before or after it.
 */
export function photoPlan(article: Pick<Article, 'body' | 'leadPhotoIds' | 'galleryPhotoIds'>, photos: ReadonlyMap<string, Photo>) {
  const known = (id: Id) => photos.has(String(id))
  const inBody = uploadIds(article.body).filter(known)
  const seen = new Set(inBody.map(String))
  const take = (ids: Id[]) =>
    ids.filter((id) => {
      if (!known(id) || seen.has(String(id))) return false
      seen.add(String(id))
      return true
    })
  const lead = take(article.leadPhotoIds)
  const gallery = take(article.galleryPhotoIds)
  const ordered = [...new Set([...lead, ...inBody, ...gallery].map(String))].map((id) => photos.get(id)!)
  return { lead, inBody, gallery, ordered }
}

/**
 * The 报送单位/联系人 line never stands alone at the top of a page: it is kept with the blank line
 * before it and that with the text's last paragraph.
 */
const contactBlock = (contactLine: string) => [
  new Paragraph({ style: styleIds.body, keepNext: true }),
  new Paragraph({ style: styleIds.body, text: contactLine, keepLines: true }),
]

function keepLastWithNext(children: FileChild[]): FileChild[] {
  const last = children.at(-1)
  if (!(last instanceof Paragraph)) return children
  return [...children.slice(0, -1), new Paragraph({ ...last.options, keepNext: true })]
}

/** The article as .docx bytes. */
export async function buildArticleDocx(article: Article, options: ArticleOptions): Promise<Buffer> {
  const { photos } = options
  const plan = photoPlan(article, photos)
  const figures = (ids: Id[]) => ids.flatMap((id) => figure(photos.get(String(id))!))
  const blank = () => new Paragraph({ style: styleIds.body })

  const text: FileChild[] = [
    ...titleLines(article.title),
    ...(article.byline.trim() ? [new Paragraph({ style: styleIds.byline, text: `（${article.byline.trim()}）` })] : []),
    blank(),
    ...figures(plan.lead),
    ...lexicalToDocx(article.body, { photo: (id) => photos.get(String(id)) }),
    ...figures(plan.gallery),
  ]
  const children = article.contactLine ? [...keepLastWithNext(text), ...contactBlock(article.contactLine)] : text

  const document = new Document({
    title: article.title,
    creator: options.creator,
    evenAndOddHeaderAndFooters: true,
    styles,
    sections: [{ properties: sectionProperties, footers: pageNumberFooters(), children }],
  })
  return Packer.toBuffer(document)
}
