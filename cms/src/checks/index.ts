// Pre-publish checks (发布前检查): what must be fixed, and what should be looked at, before an
// item goes public. The workflow hook calls checkBeforePublish when an item is about to be published.
import type { PayloadRequest } from 'payload'

import { notMistakes } from '../globals/publish-checks/defaults'
import { type ReviewedCollection, reviewedTypes } from '../workflow/reviewed'
import { labelOf, readDocument } from './document'
import { checkImages } from './images'
import { checkLinks } from './links'
import { loadLists } from './lists'
import { mentionsMinorsInCase, minorPhotoFindings } from './minors'
import { normaliseNumber, numberProblems } from './numbers'
import { partyNameProblems } from './parties'
import { type CheckReport, type Problem, uniqueProblems } from './problem'
import { typographyProblems } from './typography'
import { wordChecker } from './words'

export type { CheckReport, Problem } from './problem'

/** Everything that must be fixed (errors) or looked at (warnings) before `doc` may be published. */
export async function checkBeforePublish({
  collection,
  doc,
  req,
}: {
  collection: ReviewedCollection
  doc: Record<string, unknown>
  req: PayloadRequest
}): Promise<CheckReport> {
  const { config } = req.payload.collections[collection]
  const content = readDocument(config.fields, doc)
  const lists = await loadLists(req)
  const images = await checkImages(content.images, req)
  const segments = [...content.segments, ...images.segments]

  const required: Problem[] = []
  const topLevel = config.flattenedFields
  const publishedAt = topLevel.find((field) => field.name === 'publishedAt')
  if (publishedAt && !doc.publishedAt) {
    required.push({ code: 'published-at', where: labelOf(publishedAt.label, '发布时间'), message: '未填写发布时间' })
  }
  const body = topLevel.find((field) => field.name === reviewedTypes[collection].bodyField)
  if (body && !content.richText[body.name]?.paragraphs.length) {
    required.push({ code: 'empty-body', where: labelOf(body.label, '正文'), message: '内容为空，请填写后再发布' })
  }

  const words = wordChecker({ ...lists, notMistakes })
  const allowed = new Set(lists.allowedNumbers.map(({ number }) => normaliseNumber(number)))
  const inText = segments.flatMap((segment) => [...words(segment), ...numberProblems(segment, allowed)])
  const links = await checkLinks(content.links, { collection, id: doc.id, slug: doc.slug }, req)
  const parties = partyNameProblems(segments, lists.allowedNames.map(({ name }) => name))
  const minors = mentionsMinorsInCase(segments)
    ? await minorPhotoFindings(content.images, doc.minorPhotosObscured, req)
    : { errors: [], notes: [] }

  return {
    errors: uniqueProblems([...required, ...inText, ...parties, ...images.problems, ...minors.errors, ...links]),
    // The photo confirmations ride with the warnings: the publish step writes both into the 审签记录.
    warnings: uniqueProblems([...segments.flatMap(typographyProblems), ...minors.notes]),
  }
}

/** The errors as one Chinese message for the editor. */
export function formatProblems(problems: Problem[]): string {
  return ['发布前检查未通过，请修改以下问题后再发布：', ...problems.map((p, i) => `${i + 1}. ${p.where}：${p.message}`)].join('\n')
}
