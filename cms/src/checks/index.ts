// Pre-publish checks (发布前检查). Placeholder interface; the real checks are being written.
import type { PayloadRequest } from 'payload'

import type { ReviewedCollection } from '../collections/signoffs'

export type Problem = { code: string; message: string; where: string }
export type CheckReport = { errors: Problem[]; warnings: Problem[] }

/** Everything that must be fixed (errors) or looked at (warnings) before `doc` may be published. */
export async function checkBeforePublish(_args: {
  collection: ReviewedCollection
  doc: Record<string, unknown>
  req: PayloadRequest
}): Promise<CheckReport> {
  return { errors: [], warnings: [] }
}

/** The errors as one Chinese message for the editor. */
export function formatProblems(problems: Problem[]): string {
  return ['发布前检查未通过，请修改以下问题后再发布：', ...problems.map((p, i) => `${i + 1}. ${p.where}：${p.message}`)].join('\n')
}
