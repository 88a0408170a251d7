// 未成年人: an item about minors in a case may show photos only once the 签发人 has confirmed, photo
// by photo, that faces and identifying details are obscured (未成年人保护法 第四十九条).
import type { PayloadRequest } from 'payload'

import { idOf } from '../relations'
import type { ImageRef } from './lexical'
import type { Problem, Segment } from './problem'

const minorWords = ['未成年', '学生', '儿童', '孩子', '少年', '女童', '男童', '幼童', '幼儿', '未满十八周岁', '不满十八周岁', '校园欺凌']
const caseWords = ['案', '纠纷', '原告', '被告', '被害人', '受害人', '当事人', '判决', '判处', '犯罪', '审理', '起诉', '诉讼', '监护', '抚养', '侵害', '受伤', '欺凌', '调解']
/** How far apart (in characters) a minor word and a case word may stand and still be about one case. */
const near = 40

/** Whether the text puts minors in a case: a minor word with a case word close by. */
export function mentionsMinorsInCase(segments: Segment[]): boolean {
  return segments.some(({ text }) =>
    minorWords.some((minor) => {
      for (let at = text.indexOf(minor); at >= 0; at = text.indexOf(minor, at + 1)) {
        const around = text.slice(Math.max(0, at - near), at + minor.length + near)
        if (caseWords.some((word) => around.includes(word))) return true
      }
      return false
    }),
  )
}

/**
 * Every image the item shows that the 签发人 has not confirmed as obscured, as an error; and,
 * when all are confirmed, a note naming them, which goes into the 审签记录 with the publish step.
 */
export async function minorPhotoFindings(
  images: ImageRef[],
  confirmed: unknown,
  req: PayloadRequest,
): Promise<{ errors: Problem[]; notes: Problem[] }> {
  if (!images.length) return { errors: [], notes: [] }
  const ticked = new Set((Array.isArray(confirmed) ? confirmed : []).map((value) => String(idOf(value))))
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { in: [...new Set(images.map((image) => image.id))] } },
    select: { filename: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const nameOf = (id: unknown) => docs.find((doc) => String(doc.id) === String(id))?.filename ?? `编号 ${id}`
  const missing = images.filter((image) => !ticked.has(String(image.id)))
  if (missing.length) {
    return {
      errors: missing.map(({ id, where }) => ({
        code: 'minor-photo',
        where,
        message: `稿件涉及未成年人，图片“${nameOf(id)}”尚未由签发人确认已遮挡面部及可识别身份的信息，请在“${minorPhotosLabel}”中勾选后再发布`,
      })),
      notes: [],
    }
  }
  const names = [...new Set(images.map(({ id }) => nameOf(id)))]
  return { errors: [], notes: [{ code: 'minor-photos-confirmed', where: minorPhotosLabel, message: `签发人已确认 ${names.length} 张图片已遮挡未成年人面部及身份信息：${names.join('、')}` }] }
}

export const minorPhotosLabel = '未成年人图片遮挡确认'
