'use client'
// “从 Word 导入” above the news list: choose a 栏目 (optional) and a .docx; the server makes a draft
// (POST /api/news/import-docx) and the editor is taken to it. Refusals show here, in Chinese;
// what to check in the new draft (alt text, tables…) stays on screen as a notice until closed.
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import React, { useEffect, useId, useRef, useState } from 'react'

import './ImportFromWord.css'

type Column = { id: number | string; title: string }
type Answer = { id?: number | string; title?: string; warnings?: string[]; errors?: { message?: string }[] }

const baseClass = 'import-from-word'

export function ImportFromWord() {
  const { config } = useConfig()
  const router = useRouter()
  const inputId = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [columns, setColumns] = useState<Column[]>([])
  const [column, setColumn] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const api = (path: `/${string}`) => formatAdminURL({ apiRoute: config.routes.api, path, serverURL: config.serverURL, relative: true })

  useEffect(() => {
    const controller = new AbortController()
    fetch(`${api('/columns')}?limit=200&depth=0&sort=order&select[title]=true`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs?: Column[] }) => setColumns(body.docs ?? []))
      .catch(() => undefined) // the list is optional: without it the server picks the column
    return () => controller.abort()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const upload = async (file: File) => {
    setBusy(true)
    setError(undefined)
    const form = new FormData()
    form.append('file', file)
    if (column) form.append('column', column)
    try {
      const response = await fetch(api('/news/import-docx'), { method: 'POST', body: form, credentials: 'include' })
      const answer = (await response.json().catch(() => ({}))) as Answer
      if (!response.ok || answer.id === undefined) {
        setError(answer.errors?.[0]?.message ?? `导入失败（${response.status}），未保存任何内容。`)
        return
      }
      toast.success(`已从 Word 生成草稿《${answer.title}》，请核对后提交审核。`)
      if (answer.warnings?.length) {
        toast.warning(
          <div className={`${baseClass}__notice`}>
            <strong>导入后请检查：</strong>
            <ul>
              {answer.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>,
          { duration: Number.POSITIVE_INFINITY, closeButton: true },
        )
      }
      router.push(formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/news/${answer.id}`, serverURL: config.serverURL, relative: true }))
    } catch {
      setError('网络连接失败，未能导入，请稍后重试。')
    } finally {
      setBusy(false)
      if (fileInput.current) fileInput.current.value = ''
    }
  }

  return (
    <section className={baseClass} aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className={`${baseClass}__title`}>
        从 Word 导入
      </h2>
      <p className={`${baseClass}__hint`}>
        选择 .docx 文件，自动生成一篇草稿：标题取自文档标题，正文保留各级标题、段落、加粗、倾斜和列表，表格转为文字，图片存入图片库。
      </p>
      <div className={`${baseClass}__controls`}>
        <label className={`${baseClass}__field`}>
          栏目
          <select value={column} onChange={(event) => setColumn(event.target.value)} disabled={busy}>
            <option value="">不选（放入“审判动态”）</option>
            {columns.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <Button buttonStyle="primary" size="medium" margin={false} disabled={busy} onClick={() => fileInput.current?.click()}>
          {busy ? '正在导入，请稍候…' : '选择 Word 文件并导入'}
        </Button>
        <input
          ref={fileInput}
          hidden
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void upload(file)
          }}
        />
      </div>
      {error && (
        <p role="alert" className={`${baseClass}__error`}>
          {error}
        </p>
      )}
    </section>
  )
}
