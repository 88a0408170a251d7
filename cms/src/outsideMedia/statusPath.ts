// Which status changes a 外宣报送 record may make, as one pure function; the hook applies it.
import { type SubmissionStatus, statusLabels } from './statuses'

/**
 * pending → submitted → adopted | published | rejected; adopted → published (adopted first,
 * printed later); rejected → submitted (sent again). Saving without changing the status is
 * always allowed. A new record starts as 待报送 or 已报送: an outlet's answer is recorded on a
 * record that was sent.
 */
export const nextStatuses: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  pending: ['submitted'],
  submitted: ['adopted', 'published', 'rejected'],
  adopted: ['published'],
  published: [],
  rejected: ['submitted'],
}

export const initialStatuses: readonly SubmissionStatus[] = ['pending', 'submitted']

const quoted = (status: SubmissionStatus) => `“${statusLabels[status]}”`

/** Null when the change is allowed, otherwise why not, in Chinese. `from` is undefined on create. */
export function refuseTransition(from: SubmissionStatus | undefined, to: SubmissionStatus): string | null {
  if (from === undefined) {
    if (initialStatuses.includes(to)) return null
    return `新建的报送记录只能是${initialStatuses.map(quoted).join('或')}，不能直接设为${quoted(to)}：请先登记报送，再修改状态登记采用、刊发情况。`
  }
  if (from === to || nextStatuses[from].includes(to)) return null
  const allowed = nextStatuses[from]
  const hint = allowed.length ? `${quoted(from)}的记录只能改为${allowed.map(quoted).join('、')}。` : `${quoted(from)}是最终状态，不能再改。`
  return `报送状态不能从${quoted(from)}改为${quoted(to)}。${hint}`
}
