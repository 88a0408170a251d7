// The one place the site talks to the CMS. Every request is anonymous: no cookie, no token,
// no draft flag can be sent from here, so what comes back is what the public may read.

export const cmsUrl = () => (process.env.CMS_URL ?? 'http://localhost:3000').replace(/\/+$/, '')

export class CmsUnavailableError extends Error {}

/**
 * What this process's requests to the CMS cost so far: milliseconds until each answer's headers
 * (the CMS at work, or queued behind this process's other requests), and reading and parsing each
 * body (the transfer and this process's JSON parse). Sums over requests that may overlap.
 */
export const cmsReadStats = { requests: 0, waitMs: 0, bodyMs: 0, firstAnswerAt: undefined as number | undefined }

async function getJson<T>(path: string): Promise<T> {
  const url = `${cmsUrl()}/api/${path}`
  let response: Response
  const sent = performance.now()
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' })
  } catch (error) {
    throw new CmsUnavailableError(`无法连接内容管理系统 ${cmsUrl()}：${(error as Error).message}（请先启动 CMS，或设置 CMS_URL）`)
  }
  const answered = performance.now()
  cmsReadStats.requests++
  cmsReadStats.waitMs += answered - sent
  cmsReadStats.firstAnswerAt ??= answered
  if (!response.ok) throw new CmsUnavailableError(`内容管理系统返回 ${response.status}：${url}`)
  const body = (await response.json()) as T
  cmsReadStats.bodyMs += performance.now() - answered
  return body
}

type Keyed = { id: string | number }

/** The CMS leaves rich text (正文 and the like) out of lists unless asked (cms/src/collections/listsWithoutRichText.ts); the portal needs it. */
const WITH_RICH_TEXT = 'withRichText=true'

/** Read at once when a collection has more documents than this many pages, so the CMS can use more than one core. */
const LANES = 3

/**
 * Every published document of a collection, 100 at a time (what the CMS serves anonymous
 * readers). Pages follow the id (keyset), not an offset: an item withdrawn while the pages are
 * read cannot shift another one out of them. With numeric ids (SQLite), a large collection is
 * read as a few id ranges at the same time.
 */
export async function fetchPublished<T extends Keyed>(collection: string, { depth = 1, pageSize = 100 } = {}): Promise<T[]> {
  const newest = await getJson<{ docs: Keyed[]; totalDocs: number }>(`${collection}?depth=0&limit=1&sort=-id&draft=false`)
  const highest = newest.docs[0]?.id
  if (typeof highest !== 'number' || newest.totalDocs <= pageSize * LANES) return fetchIdRange<T>(collection, depth, pageSize)
  // Lane i reads ids in (bounds[i], bounds[i + 1]]; the first has no lower bound, the last no upper
  // one (an item published meanwhile is read too, or arrives as a change: either is right).
  const bounds = Array.from({ length: LANES - 1 }, (_, i) => Math.round((highest * (i + 1)) / LANES))
  const lanes = await Promise.all(
    Array.from({ length: LANES }, (_, i) => fetchIdRange<T>(collection, depth, pageSize, bounds[i - 1], bounds[i])),
  )
  return lanes.flat()
}

/** The published documents with an id above `after` and at most `upTo` (either may be absent), in id order. */
async function fetchIdRange<T extends Keyed>(collection: string, depth: number, pageSize: number, after?: string | number, upTo?: number): Promise<T[]> {
  const docs: T[] = []
  for (;;) {
    const conditions = [
      ...(after === undefined ? [] : [`[id][greater_than]=${encodeURIComponent(String(after))}`]),
      ...(upTo === undefined ? [] : [`[id][less_than_equal]=${upTo}`]),
    ]
    const where = conditions.map((condition, i) => `&where[and][${i}]${condition}`).join('')
    const result = await getJson<{ docs: T[]; hasNextPage: boolean }>(`${collection}?depth=${depth}&limit=${pageSize}&sort=id&draft=false&${WITH_RICH_TEXT}${where}`)
    docs.push(...result.docs)
    if (!result.hasNextPage || !result.docs.length) return docs
    after = result.docs.at(-1)!.id
  }
}

/** The published documents among `ids` (the others are withdrawn, deleted or never were). */
export async function fetchPublishedByIds<T>(collection: string, ids: (string | number)[], { depth = 1 } = {}): Promise<T[]> {
  const docs: T[] = []
  for (let at = 0; at < ids.length; at += 100) {
    const batch = ids.slice(at, at + 100).map((id) => encodeURIComponent(String(id))).join(',')
    const result = await getJson<{ docs: T[] }>(`${collection}?depth=${depth}&limit=100&draft=false&${WITH_RICH_TEXT}&where[id][in]=${batch}`)
    docs.push(...result.docs)
  }
  return docs
}

export const fetchGlobal = <T>(slug: string, depth = 1): Promise<T> => getJson<T>(`globals/${slug}?depth=${depth}`)
