// Signed draft-preview links. The CMS signs them and alone checks them (the site only forwards
// the token, see site/src/loaders/cmsPreview.ts). Token = base64url(JSON {collection, id, exp, uid, v}) + '.' +
// base64url(HMAC-SHA256(payload part, secret)); exp is in seconds since the epoch, uid the person who
// opened the preview (the draft is read with their rights) and v the item's createdAt, so a token
// never opens another item that later gets the same id.
import { createHmac, timingSafeEqual } from 'node:crypto'

import { payloadSecret } from '../secret'

export type PreviewClaims = { collection: string; id: string; exp: number; uid?: string; v?: string }

/** How long a preview link works after an editor opens it. */
export const PREVIEW_TTL_SECONDS = 60 * 60

const PART = /^[A-Za-z0-9_-]+$/

const signPart = (part: string, secret: string) => createHmac('sha256', secret).update(part).digest('base64url')

/** PREVIEW_SECRET when set, otherwise the CMS's own secret (PAYLOAD_SECRET or its generated file). */
export const previewSecret = (env: Record<string, string | undefined> = process.env): string =>
  env.PREVIEW_SECRET || payloadSecret()

export function signPreviewToken(
  claims: { collection: string; id: string | number; exp: number; uid?: string | number; v?: string },
  secret: string,
): string {
  if (!secret) throw new Error('preview secret is empty')
  const body = {
    collection: claims.collection,
    id: String(claims.id),
    exp: claims.exp,
    ...(claims.uid !== undefined ? { uid: String(claims.uid) } : {}),
    ...(claims.v !== undefined ? { v: claims.v } : {}),
  }
  const part = Buffer.from(JSON.stringify(body)).toString('base64url')
  return `${part}.${signPart(part, secret)}`
}

/** The claims of an authentic, unexpired token; null for anything else (never throws). */
export function verifyPreviewToken(token: unknown, secret: string | undefined, now = Date.now() / 1000): PreviewClaims | null {
  if (!secret || typeof token !== 'string' || token.length > 2048) return null
  const [part, signature, ...rest] = token.split('.')
  if (rest.length || !part || !signature || !PART.test(part) || !PART.test(signature)) return null
  // Compare the canonical text, not decoded bytes: base64url decoding ignores some trailing bits.
  const expected = Buffer.from(signPart(part, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const { collection, id, exp, uid, v } = (claims ?? {}) as Record<string, unknown>
  if (typeof collection !== 'string' || typeof id !== 'string' || typeof exp !== 'number' || !Number.isFinite(exp)) return null
  if ((uid !== undefined && typeof uid !== 'string') || (v !== undefined && typeof v !== 'string')) return null
  if (exp <= now) return null
  return { collection, id, exp, ...(uid !== undefined ? { uid } : {}), ...(v !== undefined ? { v } : {}) }
}

/**
 * The site's preview page for one item, signed for an hour: the admin's preview button opens it.
 * Null (no button) for unsaved items or when no secret is configured.
 */
export function previewUrl(
  collection: string,
  doc: { id?: unknown; createdAt?: unknown } | undefined,
  userId: unknown,
  now = Date.now() / 1000,
): string | null {
  const id = doc?.id
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return null
  if ((typeof userId !== 'string' && typeof userId !== 'number') || typeof doc?.createdAt !== 'string') return null
  const secret = previewSecret()
  if (!secret) return null
  const token = signPreviewToken({ collection, id, exp: Math.floor(now) + PREVIEW_TTL_SECONDS, uid: userId, v: doc.createdAt }, secret)
  const site = (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, '')
  return `${site}/preview/${encodeURIComponent(collection)}/${encodeURIComponent(String(id))}?token=${token}`
}
