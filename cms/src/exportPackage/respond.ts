// How the package endpoints answer: the .zip as a download, or a refusal in Chinese (JSON).
import type { Payload, PayloadRequest } from 'payload'

import { roleOf } from '../access'
import { unexpectedFailure } from '../lookup'
import type { Submission } from '../payload-types'
import type { Role } from '../roles'
import type { Package } from './buildPackage'
import type { Id } from './photos'

const privateHeaders = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'X-Content-Type-Options': 'nosniff' }

export const refuse = (status: number, message: string) => Response.json({ message }, { status, headers: privateHeaders })

/** Staff only: anonymous callers get 401, accounts without a role 403. */
export function refuseUnlessStaff(req: PayloadRequest): Response | undefined {
  const user = req.user as { id: number | string; role?: Role | null } | null
  if (!user) return refuse(401, '请先登录后台，再下载报送材料包。')
  if (!roleOf(user)) return refuse(403, '您的账号没有分配角色，不能下载报送材料包。')
  return undefined
}

/** RFC 5987 ext-value: percent-encoded UTF-8, including the characters encodeURIComponent keeps but attr-char forbids. */
export const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** attachment; filename="<ASCII fallback>"; filename*=UTF-8''<the Chinese name> */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${rfc5987(fileName)}`
}

export function packageResponse(pkg: Package, asciiFallback: string): Response {
  return new Response(new Uint8Array(pkg.zip), {
    headers: {
      ...privateHeaders,
      'Content-Type': 'application/zip',
      'Content-Length': String(pkg.zip.length),
      'Content-Disposition': contentDisposition(pkg.fileName, asciiFallback),
    },
  })
}

/**
 * Loads the item and builds its package, or refuses in Chinese (500 for a failure such as a database outage). The builders are imported on
 * demand, so the collection configs every request loads do not carry docx and the zip code.
 */
export async function respondWithPackage(
  payload: Payload,
  target: { collection: string; id: Id },
  options: { submission?: Submission; asciiFallback: string; caller: PayloadRequest['user'] },
): Promise<Response> {
  try {
    const [{ loadPackageInput }, { buildPackage }] = await Promise.all([import('./loadPackage'), import('./buildPackage')])
    const loaded = await loadPackageInput(payload, target, options.submission, options.caller)
    if (!loaded.ok) return refuse(loaded.status, loaded.message)
    return packageResponse(await buildPackage(loaded.input), options.asciiFallback)
  } catch (error) {
    const failure = unexpectedFailure(payload, error, '生成报送材料包')
    return refuse(failure.status, failure.message)
  }
}
