// The life of one 外宣报送 record: written up (待报送), sent (已报送), then the outlet's answer.
export const submissionStatuses = [
  { label: '待报送', value: 'pending' },
  { label: '已报送', value: 'submitted' },
  { label: '已采用', value: 'adopted' },
  { label: '已刊发', value: 'published' },
  { label: '未采用', value: 'rejected' },
] as const
export type SubmissionStatus = (typeof submissionStatuses)[number]['value']

export const statusLabels = Object.fromEntries(submissionStatuses.map(({ label, value }) => [value, label])) as Record<SubmissionStatus, string>

/** The outcomes that earn points and are public (媒体聚焦). */
export const scoredStatuses = ['adopted', 'published'] as const satisfies readonly SubmissionStatus[]
export type ScoredStatus = (typeof scoredStatuses)[number]

export const isScored = (status: SubmissionStatus | null | undefined): status is ScoredStatus =>
  status === 'adopted' || status === 'published'
