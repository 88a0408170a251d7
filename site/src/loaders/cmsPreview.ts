// The only non-public read from the CMS: one draft, for the admin's 预览 button. It is not a login:
// the CMS signed the link's token for exactly this item and a short time, and the CMS alone checks
// it (the site holds no secret), answering 401 for any bad token and 404 for a missing item.
import { cmsUrl } from './cmsApi'

export type DraftPreview = { status: 200; doc: Record<string, any> } | { status: 401 | 404 | 503 }

const previewable = new Set(['news', 'stories', 'events', 'families'])

export async function fetchDraftPreview(collection: string, id: string, token: string): Promise<DraftPreview> {
  if (!token || !previewable.has(collection)) return { status: 401 }
  try {
    const response = await fetch(`${cmsUrl()}/api/${collection}/${encodeURIComponent(id)}/preview-data`, {
      headers: { Accept: 'application/json', 'X-Preview-Token': token },
      cache: 'no-store',
    })
    if (response.ok) return { status: 200, doc: await response.json() }
    if (response.status === 404) return { status: 404 }
    return { status: response.status === 401 || response.status === 403 ? 401 : 503 }
  } catch {
    return { status: 503 }
  }
}
