// The three review stages as the court's paper 审签单 names them, and which workflow steps fill
// each: 初审 is the writer's or editor's submission, 复审 the reviewer's approval, 终审 the signer's
// signature. Renaming a stage here renames it on every printed sheet.
import { actionLabels, type WorkflowAction } from '../../workflow/states'
import type { RecordRow } from './record'

export type Stage = { name: string; role: string; steps: (WorkflowAction | 'publish' | 'update')[] }

export const signoffStages: Stage[] = [
  { name: '初审', role: '撰稿/编辑', steps: ['submit'] },
  { name: '复审', role: '审核', steps: ['approve'] },
  { name: '终审', role: '签发', steps: ['sign', 'publish', 'update'] },
]

/** The latest step of each stage in the record, if it has been taken. */
export function stageRows(rows: RecordRow[]): { stage: Stage; row: RecordRow | undefined }[] {
  return signoffStages.map((stage) => {
    const labels = stage.steps.map((step) => actionLabels[step])
    return { stage, row: [...rows].reverse().find((row) => labels.includes(row.action)) }
  })
}
