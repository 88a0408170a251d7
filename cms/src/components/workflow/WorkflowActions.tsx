'use client'
// The edit view's save buttons: one per step the signed-in person may take on this item now,
// named for what it does (提交审核, 审核通过, 签发并发布, 退回, 撤稿), each confirmed in words.
// The steps come from workflow/rights.ts, the same rules the server applies to the save.
import { Button, toast, useAuth, useConfig, useDocumentInfo, useForm, useFormFields, useFormModified, useServerFunctions } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useState } from 'react'

import { idOf } from '../../relations'
import type { Role } from '../../roles'
import { stepsAllowed } from '../../workflow/rights'
import type { Grade } from '../../workflow/states'
import { type StepButton, stepButtons } from './stepButtons'
import { recheckEvent, useWorkflowFacts } from './useWorkflowFacts'
import './workflow.css'

const baseClass = 'workflow-actions'

/** Payload's own publish and unpublish buttons are replaced by the step buttons. */
export function NoButton() {
  return null
}

/** 2026-12-01T09:30 typed in the court's time, whatever zone the browser is in. */
const beijing = (local: string) => new Date(`${local}:00+08:00`)

export function WorkflowActions() {
  const { id, collectionSlug, setHasPublishedDoc, setUnpublishedVersionCount, uploadStatus } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const { submit } = useForm()
  const modified = useFormModified()
  const { schedulePublish } = useServerFunctions()
  const facts = useWorkflowFacts()
  const createdBy = useFormFields(([fields]) => fields.createdBy?.value)
  const formGrade = useFormFields(([fields]) => fields.grade?.value) as Grade | undefined
  const [asking, setAsking] = useState<StepButton | null>(null)
  const [reason, setReason] = useState('')
  const [scheduling, setScheduling] = useState(false)
  const [scheduleAt, setScheduleAt] = useState('')
  const [busy, setBusy] = useState(false)

  const viewer = user as { id: number | string; role?: Role | null } | null
  if (!viewer?.role || !collectionSlug) return null
  if (id !== undefined && facts === undefined) return <span className={`${baseClass}__loading`}>正在读取可进行的操作…</span>

  const state = facts?.state
  const steps = stepsAllowed({
    role: viewer.role,
    userId: viewer.id,
    state,
    authorId: id === undefined ? viewer.id : idOf(createdBy as never),
    firstSignerId: facts?.firstSignerId,
    grade: facts?.grade ?? formGrade ?? 'normal',
  })
  const buttons = stepButtons(steps, state)
  if (!buttons.length) return <span className={`${baseClass}__none`}>稿件{state === 'submitted' ? '正在审核' : '正在审签'}中，您暂无可进行的操作。</span>

  const endpoint = (draft: boolean) =>
    formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}${id !== undefined ? `/${id}` : ''}?depth=0&fallback-locale=null${draft ? '&draft=true' : ''}`, relative: true })

  async function take(button: StepButton, comment = '') {
    if (uploadStatus === 'uploading' || busy) return
    setBusy(true)
    try {
      const result = await submit({
        action: endpoint(button.send === 'draft'),
        method: id !== undefined ? 'PATCH' : 'POST',
        overrides: {
          _status: button.send === 'publish' ? 'published' : 'draft',
          ...(button.action ? { workflowAction: button.action, workflowComment: comment } : {}),
        },
        skipValidation: button.send === 'draft',
        disableSuccessStatus: true,
      })
      if (result && result.res.ok) {
        toast.success(button.done)
        if (button.send === 'publish') {
          setHasPublishedDoc(true)
          setUnpublishedVersionCount(0)
        } else if (button.send === 'unpublish') {
          setHasPublishedDoc(false)
        } else {
          setUnpublishedVersionCount((count) => count + 1)
        }
        setAsking(null)
        setReason('')
      }
    } finally {
      setBusy(false)
      // The check list on the item follows every save, refused or not.
      window.dispatchEvent(new Event(recheckEvent))
    }
  }

  async function schedule() {
    if (!scheduleAt || id === undefined) return toast.error('请先选择发布的日期和时间（北京时间）。')
    const date = beijing(scheduleAt)
    if (!(date.getTime() > Date.now())) return toast.error('定时发布的时间须晚于现在。')
    try {
      await schedulePublish({ type: 'publish', date, doc: { relationTo: collectionSlug as never, value: String(id) } })
      toast.success(`已定时于 ${scheduleAt.replace('T', ' ')}（北京时间）发布，到时仍按发布前检查把关。`)
      setScheduling(false)
    } catch (error) {
      toast.error((error as Error).message || '定时发布设置失败，请重试。')
    }
  }

  const canSchedule = id !== undefined && !modified && steps.includes('publish')

  return (
    <div className={baseClass}>
      <div className={`${baseClass}__buttons`}>
        {buttons.map((button) => (
          <Button
            key={button.step}
            id={`workflow-step-${button.step}`}
            buttonStyle={button.primary ? 'primary' : 'secondary'}
            className={button.danger ? `${baseClass}__danger` : undefined}
            size="medium"
            type="button"
            disabled={busy || (button.step === 'edit' && id !== undefined && !modified)}
            onClick={() => (button.reason ? (setAsking(button), setScheduling(false)) : void take(button))}
          >
            {button.label}
          </Button>
        ))}
        {canSchedule && (
          <Button buttonStyle="secondary" size="medium" type="button" id="workflow-schedule" onClick={() => (setScheduling(!scheduling), setAsking(null))}>
            定时发布…
          </Button>
        )}
      </div>
      {asking?.reason && (
        <div className={`${baseClass}__ask`} role="group" aria-label={asking.label}>
          <label htmlFor="workflow-reason">{asking.reason.label}</label>
          <textarea id="workflow-reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
          <div className={`${baseClass}__ask-buttons`}>
            <Button buttonStyle="primary" size="small" type="button" disabled={busy} onClick={() => (reason.trim() ? void take(asking, reason.trim()) : toast.error(`请填写${asking.reason!.label.replace(/（.*）/, '')}。`))}>
              {asking.reason.confirm}
            </Button>
            <Button buttonStyle="secondary" size="small" type="button" onClick={() => setAsking(null)}>
              取消
            </Button>
          </div>
        </div>
      )}
      {scheduling && (
        <div className={`${baseClass}__ask`} role="group" aria-label="定时发布">
          <label htmlFor="workflow-schedule-at">发布时间（北京时间）</label>
          <input id="workflow-schedule-at" type="datetime-local" value={scheduleAt} onChange={(event) => setScheduleAt(event.target.value)} />
          <div className={`${baseClass}__ask-buttons`}>
            <Button buttonStyle="primary" size="small" type="button" onClick={() => void schedule()}>
              确认定时发布
            </Button>
            <Button buttonStyle="secondary" size="small" type="button" onClick={() => setScheduling(false)}>
              取消
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}
