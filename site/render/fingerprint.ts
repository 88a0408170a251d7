// What produced a rendered output, as one hash: the site bundle the renderer loads (astro build's
// server output: templates, components, the content store), the renderer's own code, the output
// format and the public address pages link to. Every full render records it in its dependency
// record (deps.json); a start that finds the same one need not render everything again, since a
// full render would only write the bytes already there.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Bump when the renderer writes different bytes for the same bundle and content (its code is hashed too; this covers what is not). */
export const RENDER_FORMAT = 1

const rendererDir = path.dirname(fileURLToPath(import.meta.url))

/** Every file under `dir`, as paths relative to it, in a fixed order. */
function filesUnder(dir: string): string[] {
  const files: string[] = []
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(name)
      else if (entry.isFile()) files.push(name)
    }
  }
  walk('')
  return files.sort()
}

/** The renderer's code that decides what it writes (its tests apart). */
const rendererFiles = () =>
  fs.readdirSync(rendererDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort()

/**
 * The fingerprint of the bundle in `buildDir` (its server/ folder) with this renderer. Reads
 * every file of both (a few MB, a fraction of a second); the env's address enters too, as the
 * pages' links and feeds are built from it.
 */
export function bundleFingerprint(buildDir: string, env: Record<string, string | undefined> = process.env, format = RENDER_FORMAT): string {
  const hash = crypto.createHash('sha256')
  const add = (label: string, body: string | Buffer) => {
    hash.update(`${label}\0${body.length}\0`)
    hash.update(body)
  }
  add('format', String(format))
  add('site', `${env.SITE_URL ?? ''}|${env.SITE_PORT ?? ''}`)
  const server = path.join(buildDir, 'server')
  for (const file of filesUnder(server)) add(`bundle:${file}`, fs.readFileSync(path.join(server, file)))
  for (const file of rendererFiles()) add(`renderer:${file}`, fs.readFileSync(path.join(rendererDir, file)))
  return hash.digest('base64url')
}
