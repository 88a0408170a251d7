// Signed links for draft preview. A token is base64url(JSON {collection, id, exp}) + '.' +
// base64url(HMAC-SHA256(payload part, secret)); exp is in seconds since the epoch. The CMS signs
// with the same secret (cms/src/preview/previewToken.ts) and checks the token again before it
// hands out a draft, so the site never holds more than a token for a single item.
import { createHmac, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type PreviewClaims = { collection: string; id: string; exp: number }

const PART = /^[A-Za-z0-9_-]+$/
const SECRET_FILE = path.join('cms', 'data', 'payload-secret')

const signPart = (part: string, secret: string) => createHmac('sha256', secret).update(part).digest('base64url')

/** A token for one item, valid until `exp` (seconds since the epoch). */
export function signPreviewToken(claims: { collection: string; id: string | number; exp: number }, secret: string): string {
  if (!secret) throw new Error('preview secret is empty')
  const part = Buffer.from(JSON.stringify({ collection: claims.collection, id: String(claims.id), exp: claims.exp })).toString('base64url')
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
  const { collection, id, exp } = (claims ?? {}) as Record<string, unknown>
  if (typeof collection !== 'string' || typeof id !== 'string' || typeof exp !== 'number' || !Number.isFinite(exp)) return null
  if (exp <= now) return null
  return { collection, id, exp }
}

/** The first folder at or above `from` that holds cms/data/payload-secret (the repository root). */
function findSecretFile(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, SECRET_FILE)
    if (fs.existsSync(file)) return file
    if (path.dirname(dir) === dir) return undefined
  }
}

/**
 * PREVIEW_SECRET, shared with the CMS. In development, when it is unset, the CMS's own secret
 * file (cms/data/payload-secret, found from the working directory upwards). Undefined when neither
 * exists: every token is then refused.
 */
export function previewSecret(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string | undefined {
  if (env.PREVIEW_SECRET) return env.PREVIEW_SECRET
  const file = findSecretFile(cwd)
  if (!file) return undefined
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined
  } catch {
    return undefined
  }
}
