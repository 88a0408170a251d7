import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

type Options = { token?: string; body?: unknown; formData?: FormData }

/**
 * Calls Payload's real Next.js route handlers in-process: the same code `next start` serves,
 * including auth, access control and error formatting, without a network listener.
 */
export function restClient(config: SanitizedConfig) {
  const handlers = {
    GET: REST_GET(config),
    POST: REST_POST(config),
    PATCH: REST_PATCH(config),
    DELETE: REST_DELETE(config),
  }
  const graphql = GRAPHQL_POST(config)

  const request = (method: string, url: string, { token, body, formData }: Options = {}) => {
    const headers = new Headers({ 'Accept-Language': 'zh' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    if (body !== undefined) headers.set('Content-Type', 'application/json')
    return new Request(`http://localhost:3000/api${url}`, {
      method,
      headers,
      body: formData ?? (body !== undefined ? JSON.stringify(body) : undefined),
    })
  }

  const call = async (method: keyof typeof handlers, url: string, options?: Options) => {
    const slug = url.split('?')[0].split('/').filter(Boolean)
    const response = await handlers[method](request(method, url, options), {
      params: Promise.resolve({ slug }),
    })
    return { status: response.status, json: (await response.json()) as any }
  }

  return {
    get: (url: string, options?: Options) => call('GET', url, options),
    post: (url: string, options?: Options) => call('POST', url, options),
    patch: (url: string, options?: Options) => call('PATCH', url, options),
    delete: (url: string, options?: Options) => call('DELETE', url, options),
    graphql: async (query: string, token?: string) => {
      const response = await graphql(request('POST', '/graphql', { token, body: { query } }))
      return { status: response.status, json: (await response.json()) as any }
    },
    login: async (email: string, password: string) => {
      const { json } = await call('POST', '/users/login', { body: { email, password } })
      if (!json.token) throw new Error(`login failed for ${email}: ${JSON.stringify(json)}`)
      return json.token as string
    },
  }
}
