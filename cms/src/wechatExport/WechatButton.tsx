'use client'
// “导出公众号图文” beside the save buttons of a published item: copies the article as styled HTML
// for the 公众号 editor in one click, and offers the .zip (HTML, images, cover crops, 摘要).
import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useState } from 'react'

import { fileNameFrom } from '../components/PackageButton'

type Exported = { title: string; digest: string; html: string; portalUrl: string; errors?: { message?: string }[] }

export function WechatButton() {
  const { id, collectionSlug, hasPublishedDoc } = useDocumentInfo()
  const { config } = useConfig()
  const [busy, setBusy] = useState<'copy' | 'zip' | undefined>()
  if (id === undefined || !collectionSlug || !hasPublishedDoc) return null
  const url = formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}/wechat`, serverURL: config.serverURL, relative: true })

  const copy = async () => {
    setBusy('copy')
    try {
      const response = await fetch(url, { credentials: 'include' })
      const answer = (await response.json().catch(() => ({}))) as Exported
      if (!response.ok) return void toast.error(answer.errors?.[0]?.message ?? '公众号图文生成失败，请稍后重试。')
      const plain = new DOMParser().parseFromString(answer.html, 'text/html').body.textContent ?? ''
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([answer.html], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) }),
      ])
      toast.success(`已复制《${answer.title}》，请到公众号编辑器中粘贴。建议摘要：${answer.digest}`)
    } catch {
      toast.error('复制失败：请使用 Chrome、Edge 或 Safari 的较新版本，或下载 .zip 后打开其中的“图文.html”复制。')
    } finally {
      setBusy(undefined)
    }
  }

  const download = async () => {
    setBusy('zip')
    try {
      const response = await fetch(`${url}?format=zip`, { credentials: 'include' })
      if (!response.ok) {
        const answer = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[] }
        return void toast.error(answer.errors?.[0]?.message ?? '公众号图文生成失败，请稍后重试。')
      }
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await response.blob())
      link.download = fileNameFrom(response.headers.get('Content-Disposition'), '公众号图文.zip')
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    } catch {
      toast.error('公众号图文下载失败，请检查网络后重试。')
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <>
      <Button buttonStyle="secondary" size="medium" margin={false} disabled={Boolean(busy)} onClick={copy} tooltip="复制为公众号编辑器可直接粘贴的图文（内联样式）">
        {busy === 'copy' ? '正在生成…' : '导出公众号图文'}
      </Button>
      <Button buttonStyle="subtle" size="medium" margin={false} disabled={Boolean(busy)} onClick={download} tooltip="图文 HTML、图片、2.35:1 封面、1:1 缩略图和摘要，打包为 .zip">
        {busy === 'zip' ? '正在打包…' : '下载 .zip'}
      </Button>
    </>
  )
}
