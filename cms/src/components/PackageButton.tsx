'use client'
// “下载报送材料包” beside the save buttons of a 外宣报送 and of a published item: downloads the .zip
// from GET /api/<collection>/<id>/package. A refusal (not yet published, say) is shown as the
// server words it instead of downloading an error.
import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useState } from 'react'

/** The Chinese file name from `filename*=UTF-8''…`, else the plain one. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1]
  if (encoded) {
    try {
      return decodeURIComponent(encoded)
    } catch {
      // a malformed header: use the plain name
    }
  }
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback
}

export function PackageButton() {
  const { id, collectionSlug, hasPublishedDoc } = useDocumentInfo()
  const { config } = useConfig()
  const [busy, setBusy] = useState(false)

  // Content items have a package only once published; a 外宣报送 asks the server, which says why not.
  if (id === undefined || !collectionSlug || (collectionSlug !== 'submissions' && !hasPublishedDoc)) return null
  const url = formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}/package`, serverURL: config.serverURL, relative: true })

  const download = async () => {
    setBusy(true)
    try {
      const response = await fetch(url, { credentials: 'include' })
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[] }
        toast.error(body.errors?.[0]?.message ?? '报送材料包生成失败，请稍后重试。')
        return
      }
      const blob = await response.blob()
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = fileNameFrom(response.headers.get('Content-Disposition'), '报送材料包.zip')
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    } catch {
      toast.error('报送材料包下载失败，请检查网络后重试。')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button buttonStyle="secondary" size="medium" margin={false} disabled={busy} onClick={download} tooltip="稿件（公文格式 .docx）、原图、图片说明和报送单，打包为 .zip">
      {busy ? '正在生成…' : '下载报送材料包'}
    </Button>
  )
}
