// The CMS photos a rendered page refers to (src, srcset and og:image) are copied into the output's
// media/ folder, from MEDIA_DIR (default ../media). A missing photo is a warning, not a failure.
import fs from 'node:fs'
import path from 'node:path'

const MEDIA_REF = /\/media\/([^\s"'<>?#,)]+)/g
const ATTRIBUTE = /\s(?:src|srcset|content)\s*=\s*("([^"]*)"|'([^']*)')/gi

/** Every /media/<file> named in an HTML document's src, srcset or content attributes. */
export function mediaReferences(html: string): Set<string> {
  const found = new Set<string>()
  for (const attr of html.matchAll(ATTRIBUTE)) {
    const value = (attr[2] ?? attr[3] ?? '').replaceAll('&amp;', '&')
    for (const ref of value.matchAll(MEDIA_REF)) {
      try {
        found.add(decodeURIComponent(ref[1]))
      } catch {
        found.add(ref[1])
      }
    }
  }
  return found
}

/**
 * Copies the media files `names` (from mediaReferences) into `targetDir` unless already there;
 * returns the names not found (each once: `seen` remembers what was looked for).
 */
export function copyMedia(names: Iterable<string>, mediaDir: string, targetDir: string, seen: Set<string>): string[] {
  const missing: string[] = []
  for (const name of names) {
    if (seen.has(name)) continue
    seen.add(name)
    // Never follow a reference out of the media folder.
    if (name.includes('/') || name.includes('\\') || name === '..' || name === '.') continue
    try {
      fs.copyFileSync(path.join(mediaDir, name), path.join(targetDir, name), fs.constants.COPYFILE_FICLONE)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      missing.push(name)
    }
  }
  return missing
}
