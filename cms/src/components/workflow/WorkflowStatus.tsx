'use client'
// The one status in the edit view's header: the 审签状态, with 已发布 / 有未发布修改 where the
// public version differs. Replaces Payload's own "状态：草稿/已发布".
import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { stateLabels } from '../../workflow/states'
import { useWorkflowFacts } from './useWorkflowFacts'
import './workflow.css'

const baseClass = 'workflow-status'

export function WorkflowStatus() {
  const { id } = useDocumentInfo()
  const facts = useWorkflowFacts()
  if (id === undefined) return null
  if (!facts) return <p className={baseClass}>审签状态：…</p>
  const publicNote = facts.state === 'published' ? undefined : facts.published ? '已发布，有未发布修改' : undefined
  return (
    <p className={baseClass} data-state={facts.state}>
      <span className={`${baseClass}__label`}>审签状态：</span>
      <strong className={`${baseClass}__value ${baseClass}__value--${facts.state}`}>{stateLabels[facts.state]}</strong>
      {publicNote && <span className={`${baseClass}__public`}>（{publicNote}）</span>}
    </p>
  )
}
