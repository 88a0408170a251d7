// Images without 替代文字, and the text readers see with each image.
import type { PayloadRequest } from 'payload'

import type { ImageRef } from './lexical'
import type { Problem, Segment } from './problem'

/**
 * Alt text a tool filled in for a person to replace (the Word import's images without 替代文字):
 * it satisfies the required field, so the editor can save, but it may not go public.
 */
export const pendingAlt = (n: number) => `（待补充：导入的图片 ${n}，请填写替代文字）`
export const isPendingAlt = (alt: string) => alt.trim().startsWith('（待补充')

/**
 * Looks up every image the document shows. Each must still exist and have alt text; its alt
 * text and caption are returned as segments, so the text checks read them too.
 */
export async function checkImages(images: ImageRef[], req: PayloadRequest): Promise<{ problems: Problem[]; segments: Segment[] }> {
  if (!images.length) return { problems: [], segments: [] }
  const ids = [...new Set(images.map((image) => image.id))]
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { in: ids } },
    select: { filename: true, alt: true, caption: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))

  const problems: Problem[] = []
  const segments: Segment[] = []
  for (const { id, where } of images) {
    const media = byId.get(String(id))
    if (!media) {
      problems.push({ code: 'image-missing', where, message: `图片（编号 ${id}）已从图片库删除，请重新选择或移除` })
      continue
    }
    const about = { id, name: media.filename ?? String(id) }
    if (!media.alt?.trim()) {
      problems.push({ code: 'image-alt', where, media: about, message: `图片“${about.name}”没有替代文字，请在图片库中为它填写` })
    } else if (isPendingAlt(media.alt)) {
      problems.push({ code: 'image-alt', where, media: about, message: `图片“${about.name}”的替代文字尚待补充，请在图片库中为它填写` })
    } else {
      segments.push({ where: `${where}的替代文字`, text: media.alt })
    }
    if (media.caption?.trim()) segments.push({ where: `${where}的图片说明`, text: media.caption })
  }
  return { problems, segments }
}
