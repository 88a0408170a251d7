'use client'
// Payload's "document locked" dialog names the other editor by e-mail and dates the lock in US
// English ("Dec 1, 2026, 9:35 AM") with no way to configure either. This provider rewrites the
// dialog as it opens: the colleague's name (users may read each other's names) and Beijing time.
import React, { useEffect } from 'react'

import { formatDateTime } from '../dates'

const names = new Map<string, Promise<string | undefined>>()

/** Payload shows the e-mail, or "用户: <id>" when it has only the id. */
function nameFor(shown: string): Promise<string | undefined> {
  let found = names.get(shown)
  if (!found) {
    const id = shown.match(/(\d+)\s*$/)?.[1]
    const query = new URLSearchParams(shown.includes('@') ? { 'where[email][equals]': shown } : { 'where[id][equals]': id ?? '' })
    query.set('limit', '1')
    query.set('depth', '0')
    found = fetch(`/api/users?${query}`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as { docs?: { name?: string }[] }).docs?.[0]?.name : undefined))
      .catch(() => undefined)
    names.set(shown, found)
  }
  return found
}

function reword(dialog: Element) {
  if (dialog.getAttribute('data-reworded')) return
  const [who, since] = [...dialog.querySelectorAll('.document-locked__content p strong')] as HTMLElement[]
  if (!who || !since) return
  dialog.setAttribute('data-reworded', 'yes')
  const shown = since.textContent?.trim()
  const at = shown ? new Date(shown) : undefined
  if (at && !Number.isNaN(at.getTime())) since.textContent = `${formatDateTime(at)}（北京时间）`
  const shownWho = who.textContent?.trim() ?? ''
  if (shownWho) {
    void nameFor(shownWho).then((name) => {
      if (name) who.textContent = name
    })
  }
}

export function LockDialogWording({ children }: { children?: React.ReactNode }) {
  useEffect(() => {
    const observer = new MutationObserver(() => document.querySelectorAll('.document-locked').forEach(reword))
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
