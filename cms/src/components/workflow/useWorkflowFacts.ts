'use client'
// The item's workflow facts (state, grade, whether public, first signer, last 退回) as the server
// has them, from the 审签记录 endpoint; fetched again after every save. The header status, the
// step buttons and the notices share one request per save.
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useState } from 'react'

import type { WorkflowFacts } from '../../collections/signoffs/record'

const inFlight = new Map<string, Promise<WorkflowFacts | null>>()

function load(url: string, key: string): Promise<WorkflowFacts | null> {
  let request = inFlight.get(key)
  if (!request) {
    request = fetch(url, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as { workflow?: WorkflowFacts }).workflow ?? null : null))
      .catch(() => null)
    inFlight.set(key, request)
    setTimeout(() => inFlight.delete(key), 5_000)
  }
  return request
}

/** undefined while loading; null for an item not yet saved (or when the record cannot be read). */
export function useWorkflowFacts(): WorkflowFacts | null | undefined {
  const { id, collectionSlug, lastUpdateTime, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const [facts, setFacts] = useState<WorkflowFacts | null | undefined>(id === undefined ? null : undefined)
  const savedAt = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt

  useEffect(() => {
    if (id === undefined || !collectionSlug) {
      setFacts(null)
      return
    }
    let current = true
    const url = formatAdminURL({ apiRoute: config.routes.api, path: `/signoffs/record/${collectionSlug}/${id}`, serverURL: config.serverURL, relative: true })
    void load(`${url}?format=json`, `${collectionSlug}/${id}@${savedAt}@${lastUpdateTime}`).then((loaded) => current && setFacts(loaded))
    return () => {
      current = false
    }
  }, [id, collectionSlug, savedAt, lastUpdateTime, config.routes.api, config.serverURL])
  return facts
}

/** Asks the notices panel to run the pre-publish check again (after a refused publish, say). */
export const recheckEvent = 'liushan:publish-check'
