// How the custom endpoints answer: staff-only data is never cached or indexed, downloads carry
// their Chinese file name, and every refusal has one shape, { errors: [{ message }] }, like
// Payload's own REST errors, so the admin reads them all the same way.
import type { AfterErrorHook, PayloadRequest } from 'payload'

import { roleOf } from './access'
import type { Role } from './roles'

export const privateHeaders = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'X-Content-Type-Options': 'nosniff' }

/** A refusal in Chinese, as JSON. */
export const errorResponse = (status: number, message: string, headers: HeadersInit = privateHeaders): Response =>
  Response.json({ errors: [{ message }] }, { status, headers })

export type StaffCheck =
  | { ok: true; user: NonNullable<PayloadRequest['user']>; role: Role }
  | { ok: false; status: 401 | 403; message: string }

/**
 * Staff only: the caller and their role, or why not (anonymous callers 401, accounts without a
 * role 403). `action` says what the caller tried, e.g. 下载报送材料包.
 */
export function checkStaff(req: Pick<PayloadRequest, 'user'>, action: string): StaffCheck {
  const { user } = req
  if (!user) return { ok: false, status: 401, message: `请先登录后台，再${action}。` }
  const role = roleOf(user)
  if (!role) return { ok: false, status: 403, message: `您的账号没有分配角色，不能${action}。` }
  return { ok: true, user, role }
}

/** checkStaff as a JSON refusal, or undefined for staff. */
export function refuseUnlessStaff(req: Pick<PayloadRequest, 'user'>, action: string): Response | undefined {
  const checked = checkStaff(req, action)
  return checked.ok ? undefined : errorResponse(checked.status, checked.message)
}

/** RFC 5987 ext-value: percent-encoded UTF-8, including the characters encodeURIComponent keeps but attr-char forbids. */
export const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** attachment; filename="<ASCII fallback>"; filename*=UTF-8''<the Chinese name> */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${rfc5987(fileName)}`
}

/** A private download: the bytes or text, its type, and its Chinese file name with an ASCII fallback. */
export function download(body: Uint8Array | string, type: string, fileName: string, asciiFallback: string): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...privateHeaders,
      'Content-Type': type,
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(fileName, asciiFallback),
    },
  })
}

/**
 * Payload words an error by its class (formatErrors). In the Next build the error may come from
 * another chunk's copy of that class, with its name minified away, and a public message such as
 * the upload limit's would reach the editor as "An unknown error occurred.". Keep the message of
 * every public error (4xx): what the editor reads must be the Chinese reason.
 */
export const keepPublicErrorMessages: AfterErrorHook = ({ error, result }) => {
  const { isPublic, status, message, data } = error as Error & { isPublic?: boolean; status?: number; data?: Record<string, unknown> }
  if (!isPublic || !status || status >= 500 || !message || !result) return
  const errors = result.errors ?? []
  if (errors.length !== 1 || errors[0]?.message === message) return
  return { response: { ...result, errors: [{ ...errors[0], ...(data && !errors[0].data ? { data } : {}), message }] } }
}
