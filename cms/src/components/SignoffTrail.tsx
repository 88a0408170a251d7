'use client'
// The 审签记录 table on every reviewed item's edit view. It reads the same record the printable
// 审签单 shows (GET /api/signoffs/record/…?format=json) and reloads after each save, so a step
// just taken appears at once.
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useEffect, useState } from 'react'

import type { RecordRow } from '../collections/signoffs/record'
import './SignoffTrail.css'

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; rows: RecordRow[] }

const baseClass = 'signoff-trail'

export function SignoffTrail() {
  const { id, collectionSlug, lastUpdateTime, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })

  const recordURL =
    id !== undefined && collectionSlug
      ? formatAdminURL({ apiRoute: config.routes.api, path: `/signoffs/record/${collectionSlug}/${id}`, serverURL: config.serverURL, relative: true })
      : undefined
  const savedAt = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt

  useEffect(() => {
    if (!recordURL) return
    const controller = new AbortController()
    fetch(`${recordURL}?format=json`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json()) as { rows?: RecordRow[]; errors?: { message?: string }[] }
        setLoaded(response.ok && body.rows ? { status: 'ready', rows: body.rows } : { status: 'error', message: body.errors?.[0]?.message ?? '审签记录加载失败。' })
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setLoaded({ status: 'error', message: '审签记录加载失败，请刷新页面重试。' })
      })
    return () => controller.abort()
  }, [recordURL, lastUpdateTime, savedAt])

  return (
    <section className={baseClass} aria-labelledby={`${baseClass}-heading`}>
      <header className={`${baseClass}__header`}>
        <h3 id={`${baseClass}-heading`}>审签记录</h3>
        {recordURL && (
          <nav className={`${baseClass}__links`} aria-label="审签记录导出">
            <a href={recordURL} target="_blank" rel="noopener">
              打印审签单
            </a>
            <a href={`${recordURL}?format=csv`} download>
              导出 CSV
            </a>
          </nav>
        )}
      </header>
      {!recordURL ? (
        <p className={`${baseClass}__empty`}>稿件保存后，这里会显示它的审签记录。</p>
      ) : loaded.status === 'loading' ? (
        <p className={`${baseClass}__empty`}>正在加载审签记录…</p>
      ) : loaded.status === 'error' ? (
        <p className={`${baseClass}__error`} role="alert">
          {loaded.message}
        </p>
      ) : loaded.rows.length === 0 ? (
        <p className={`${baseClass}__empty`}>尚无审签记录。提交审核后，每一步审核、签发、退回都会记录在这里。</p>
      ) : (
        <div className={`${baseClass}__scroll`}>
          <table>
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">操作</th>
                <th scope="col">状态变化（原→新）</th>
                <th scope="col">操作人（角色）</th>
                <th scope="col">意见</th>
              </tr>
            </thead>
            <tbody>
              {loaded.rows.map((row, index) => (
                <tr key={index}>
                  <td className={`${baseClass}__time`}>{row.time}</td>
                  <td>{row.action}</td>
                  <td>
                    {row.fromState} → {row.toState}
                  </td>
                  <td>
                    {row.actorName}
                    {row.actorRole && `（${row.actorRole}）`}
                  </td>
                  <td className={`${baseClass}__comment`}>{row.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
