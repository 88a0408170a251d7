import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const secretFile = path.resolve(dirname, '../data/payload-secret')

/**
 * PAYLOAD_SECRET when set; otherwise a random secret made once and kept beside the embedded
 * database, so the quick start needs no set-up and logins survive restarts.
 */
export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  try {
    return fs.readFileSync(secretFile, 'utf8').trim()
  } catch {
    const secret = crypto.randomBytes(32).toString('hex')
    fs.mkdirSync(path.dirname(secretFile), { recursive: true })
    fs.writeFileSync(secretFile, secret, { mode: 0o600 })
    return secret
  }
}
