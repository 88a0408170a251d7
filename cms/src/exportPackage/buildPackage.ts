// The 报送材料包: one .zip with the manuscript (.docx), the 报送单 (.docx), the original photos
// numbered in the order they appear, and a text file of their captions and credits.
import { type Zippable, zipSync } from 'fflate'

import { type Article, buildArticleDocx, photoPlan } from './articleDocx'
import { plainText } from './lexicalToDocx'
import { captionOf, type Photo } from './photos'
import { buildSubmissionForm, type SubmissionForm } from './submissionForm'

export type PackageInput = {
  article: Article
  /** Every photo the article may show, in any order; the package numbers them as they appear. */
  photos: Photo[]
  /** The 报送单, less what the package works out itself. */
  form: Omit<SubmissionForm, 'title' | 'photoCount' | 'characterCount'>
  /** Time stamps of the zip entries. */
  now?: Date
}

export type Package = { zip: Buffer; fileName: string; entries: string[] }

/** Characters Windows does not allow in file names, and control characters. */
export function safeFileName(value: string, maxLength = 60): string {
  const cleaned = value
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
  const short = [...cleaned].slice(0, maxLength).join('').trim()
  return short || '稿件'
}

const photoFolder = '图片'

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif' }

function photoFileName(photo: Photo, index: number): string {
  const stored = photo.original.filename
  const dot = stored.lastIndexOf('.')
  const base = dot > 0 ? stored.slice(0, dot) : stored
  const extension = extensions[photo.original.mimeType] ?? (dot > 0 ? stored.slice(dot + 1).toLowerCase().replace(/^jpeg$/, 'jpg') : 'jpg')
  return `${String(index + 1).padStart(2, '0')}-${safeFileName(base, 40)}.${extension}`
}

/** 图片说明.txt: for Windows Notepad, UTF-8 with a byte-order mark and CRLF line ends. */
export function captionsText(title: string, photos: { fileName: string; photo: Photo }[]): string {
  const lines = [`《${title}》图片说明`, `共 ${photos.length} 张`, '']
  for (const { fileName, photo } of photos) {
    lines.push(fileName, `图片说明：${captionOf(photo) || '（未填写）'}`, `摄影：${photo.credit.trim() || '（未填写）'}`, '')
  }
  return `\uFEFF${lines.join('\r\n')}`
}

export async function buildPackage(input: PackageInput): Promise<Package> {
  const { article, form } = input
  const byId = new Map(input.photos.map((photo) => [String(photo.id), photo]))
  const ordered = photoPlan(article, byId).ordered.map((photo, index) => ({ photo, fileName: photoFileName(photo, index) }))
  const title = safeFileName(article.title)

  const [articleDocx, formDocx] = await Promise.all([
    buildArticleDocx(article, { photos: byId, creator: form.courtName }),
    buildSubmissionForm({
      ...form,
      title: article.title,
      photoCount: ordered.length,
      characterCount: plainText(article.body).replace(/\s/g, '').length,
    }),
  ])

  const mtime = input.now ?? new Date()
  const stored = { level: 0 as const, mtime } // photos and .docx are compressed already
  const files: Zippable = {
    [`${title}.docx`]: [new Uint8Array(articleDocx), stored],
    ['报送单.docx']: [new Uint8Array(formDocx), stored],
    ...Object.fromEntries(ordered.map(({ photo, fileName }) => [`${photoFolder}/${fileName}`, [photo.original.data, stored]])),
  }
  if (ordered.length) {
    files['图片说明.txt'] = [new TextEncoder().encode(captionsText(article.title, ordered)), { level: 6, mtime }]
  }
  const zip = zipSync(files)
  return { zip: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), fileName: `报送-${title}.zip`, entries: Object.keys(files) }
}
