import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))
/** Runtime state beside the embedded database (git-ignored). */
export const dataDir = path.resolve(dirname, '../data')

/**
 * A random secret of 32 bytes made once and kept in `dataDir/<name>` (readable by this user only),
 * so the quick start needs no set-up and what it signs or builds stays the same across restarts.
 */
export function keptSecret(name: string, encoding: 'hex' | 'base64', dir = dataDir): string {
  const file = path.join(dir, name)
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = crypto.randomBytes(32).toString(encoding)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}

/** PAYLOAD_SECRET when set; otherwise one kept beside the embedded database, so logins survive restarts. */
export const payloadSecret = (): string => process.env.PAYLOAD_SECRET || keptSecret('payload-secret', 'hex')

/**
 * The key `npm start` builds the portal's templates with: ASTRO_KEY when set, else one kept per
 * installation. Astro otherwise puts a random key (for server islands, unused here) into every
 * build, so a rebuild of unchanged templates changed the bundle's fingerprint and every start
 * re-rendered the whole portal.
 */
export const astroBuildKey = (env: Record<string, string | undefined> = process.env, dir = dataDir): string =>
  env.ASTRO_KEY || keptSecret('astro-key', 'base64', dir)
