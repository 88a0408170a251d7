// The one place the site talks to the CMS. Every request is anonymous: no cookie, no token,
// no draft flag can be sent from here, so what comes back is what the public may read.

export const cmsUrl = () => (process.env.CMS_URL ?? 'http://localhost:3000').replace(/\/+$/, '')

export class CmsUnavailableError extends Error {}

async function getJson<T>(path: string): Promise<T> {
  const url = `${cmsUrl()}/api/${path}`
  let response: Response
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' })
  } catch (error) {
    throw new CmsUnavailableError(`无法连接内容管理系统 ${cmsUrl()}：${(error as Error).message}（请先启动 CMS，或设置 CMS_URL）`)
  }
  if (!response.ok) throw new CmsUnavailableError(`内容管理系统返回 ${response.status}：${url}`)
  return (await response.json()) as T
}

/** Every published document of a collection, page by page (the CMS serves anonymous readers 100 at a time). */
export async function fetchPublished<T>(collection: string, { depth = 1, pageSize = 100 } = {}): Promise<T[]> {
  const docs: T[] = []
  for (let page = 1; ; page++) {
    const result = await getJson<{ docs: T[]; hasNextPage: boolean }>(`${collection}?depth=${depth}&limit=${pageSize}&page=${page}&draft=false`)
    docs.push(...result.docs)
    if (!result.hasNextPage) return docs
  }
}

/** The published documents among `ids` (the others are withdrawn, deleted or never were). */
export async function fetchPublishedByIds<T>(collection: string, ids: (string | number)[], { depth = 1 } = {}): Promise<T[]> {
  const docs: T[] = []
  for (let at = 0; at < ids.length; at += 100) {
    const batch = ids.slice(at, at + 100).map((id) => encodeURIComponent(String(id))).join(',')
    const result = await getJson<{ docs: T[] }>(`${collection}?depth=${depth}&limit=100&draft=false&where[id][in]=${batch}`)
    docs.push(...result.docs)
  }
  return docs
}

export const fetchGlobal = <T>(slug: string, depth = 1): Promise<T> => getJson<T>(`globals/${slug}?depth=${depth}`)
