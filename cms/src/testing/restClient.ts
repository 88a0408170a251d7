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

  type Encoded = { bytes: ArrayBuffer; type: string }
  const request = (method: string, url: string, { token, body }: Options = {}, form?: Encoded) => {
    const headers = new Headers({ 'Accept-Language': 'zh' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    if (body !== undefined) headers.set('Content-Type', 'application/json')
    if (form) headers.set('Content-Type', form.type)
    return new Request(`http://localhost:3000/api${url}`, {
      method,
      headers,
      body: form?.bytes ?? (body !== undefined ? JSON.stringify(body) : undefined),
    })
  }
  // A FormData body is streamed by undici, which keeps pushing chunks after a handler that refused
  // the upload early has cancelled the stream (an unhandled rejection); whole bytes, as a browser's
  // request arrives, cannot.
  const encode = async (formData: FormData): Promise<Encoded> => {
    const encoded = new Response(formData)
    return { bytes: await encoded.arrayBuffer(), type: encoded.headers.get('content-type')! }
  }

  const call = async (method: keyof typeof handlers, url: string, options?: Options) => {
    const slug = url.split('?')[0].split('/').filter(Boolean)
    const form = options?.formData ? await encode(options.formData) : undefined
    const response = await handlers[method](request(method, url, options, form), {
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
