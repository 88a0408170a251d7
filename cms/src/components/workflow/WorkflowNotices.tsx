'use client'
// At the top of a reviewed item, kept on screen until dealt with: why it was returned, what the
// pre-publish check finds (each problem linking to its field or image), and the Word import's notes.
import { Button, useConfig, useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useCallback, useEffect, useState } from 'react'

import type { LocatedProblem } from '../../checks/checkEndpoint'
import type { ImportNote } from '../../wordImport/importDocx'
import { recheckEvent, useWorkflowFacts } from './useWorkflowFacts'
import './workflow.css'

const baseClass = 'workflow-notices'

type Report = { errors: LocatedProblem[]; warnings: LocatedProblem[] }

/** Brings the field into view and puts the cursor in it. */
function goToField(name: string) {
  const target = document.getElementById(`field-${name}`) ?? document.querySelector<HTMLElement>(`[id^="field-${name}"]`)
  const holder = target?.closest<HTMLElement>('.field-type') ?? target
  holder?.scrollIntoView({ behavior: 'smooth', block: 'center' })
  const focusable = holder?.querySelector<HTMLElement>('input, textarea, [contenteditable="true"], button') ?? target
  focusable?.focus({ preventScroll: true })
  holder?.classList.add(`${baseClass}__flash`)
  setTimeout(() => holder?.classList.remove(`${baseClass}__flash`), 2_000)
}

function MediaLink({ media }: { media: { id: number | string; name: string } }) {
  const { config } = useConfig()
  const href = formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/media/${media.id}`, relative: true })
  return (
    <a href={href} target="_blank" rel="noopener">
      在图片库中打开“{media.name}”
    </a>
  )
}

function ProblemItem({ problem }: { problem: LocatedProblem }) {
  return (
    <li>
      {problem.field ? (
        <button type="button" className={`${baseClass}__place`} onClick={() => goToField(problem.field!)}>
          {problem.where}
        </button>
      ) : (
        <span className={`${baseClass}__place-text`}>{problem.where}</span>
      )}
      ：{problem.message}
      {problem.media && (
        <>
          {' '}
          <MediaLink media={problem.media} />
        </>
      )}
    </li>
  )
}

function usePublishCheck(): { report: Report | null; checking: boolean; recheck: () => void } {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const { config } = useConfig()
  const { getData } = useForm()
  const [report, setReport] = useState<Report | null>(null)
  const [checking, setChecking] = useState(false)

  const recheck = useCallback(() => {
    if (!collectionSlug) return
    setChecking(true)
    const url = formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/publish-check`, relative: true })
    fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, data: getData() }) })
      .then(async (response) => (response.ok ? setReport((await response.json()) as Report) : setReport(null)))
      .catch(() => setReport(null))
      .finally(() => setChecking(false))
  }, [collectionSlug, config.routes.api, getData, id])

  useEffect(() => {
    if (id !== undefined) recheck()
    // After every save (lastUpdateTime), and when a step asks (a refused publish).
  }, [id, lastUpdateTime]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    window.addEventListener(recheckEvent, recheck)
    return () => window.removeEventListener(recheckEvent, recheck)
  }, [recheck])
  return { report, checking, recheck }
}

function ImportNotes() {
  const notes = useFormFields(([fields]) => fields.importNotes?.value) as ImportNote[] | null | undefined
  const { dispatchFields, setModified } = useForm()
  const [cleared, setCleared] = useState(false)
  if (!Array.isArray(notes) || !notes.length) {
    return cleared ? <p className={`${baseClass}__muted`}>导入提示已清除，保存后不再显示。</p> : null
  }
  return (
    <section className={`${baseClass}__panel ${baseClass}__panel--import`} aria-labelledby={`${baseClass}-import`}>
      <h3 id={`${baseClass}-import`}>Word 导入提示（{notes.length}）</h3>
      <ul>
        {notes.map((note, index) => (
          <li key={index}>
            {note.text}
            {note.media && (
              <>
                {' '}
                <MediaLink media={note.media} />
              </>
            )}
          </li>
        ))}
      </ul>
      <Button
        buttonStyle="secondary"
        size="small"
        type="button"
        onClick={() => {
          dispatchFields({ type: 'UPDATE', path: 'importNotes', value: null })
          setModified(true)
          setCleared(true)
        }}
      >
        已逐条处理，清除这些提示
      </Button>
    </section>
  )
}

export function WorkflowNotices() {
  const facts = useWorkflowFacts()
  const { report, checking, recheck } = usePublishCheck()
  const { id } = useDocumentInfo()
  const problems = report ? report.errors.length + report.warnings.length : 0

  return (
    <div className={baseClass}>
      {facts?.state === 'returned' && facts.lastReturn && (
        <section className={`${baseClass}__panel ${baseClass}__panel--returned`} role="alert" aria-labelledby={`${baseClass}-returned`}>
          <h3 id={`${baseClass}-returned`}>本稿已被退回，请按意见修改后重新提交审核</h3>
          <p className={`${baseClass}__reason`}>{facts.lastReturn.comment || '（未写明原因）'}</p>
          <p className={`${baseClass}__muted`}>
            退回人：{facts.lastReturn.by}　时间：{facts.lastReturn.time}
          </p>
        </section>
      )}
      {id !== undefined && report && problems > 0 && (
        <section className={`${baseClass}__panel ${baseClass}__panel--checks`} aria-labelledby={`${baseClass}-checks`}>
          <h3 id={`${baseClass}-checks`}>
            发布前检查：{report.errors.length ? `${report.errors.length} 个问题须修改后才能发布` : '可以发布'}
            {report.warnings.length ? `，${report.warnings.length} 条提示` : ''}
          </h3>
          {report.errors.length > 0 && <ol className={`${baseClass}__errors`}>{report.errors.map((p, i) => <ProblemItem key={i} problem={p} />)}</ol>}
          {report.warnings.length > 0 && (
            <ul className={`${baseClass}__warnings`}>
              {report.warnings.map((p, i) => (
                <ProblemItem key={i} problem={p} />
              ))}
            </ul>
          )}
          <Button buttonStyle="secondary" size="small" type="button" disabled={checking} onClick={recheck}>
            {checking ? '正在检查…' : '按当前内容重新检查'}
          </Button>
        </section>
      )}
      <ImportNotes />
    </div>
  )
}
