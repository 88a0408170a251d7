// After the build, copy into dist/client/media exactly the CMS photos the built pages refer to
// (src, srcset and og:image), from MEDIA_DIR or ../media. A missing photo is a warning, not a failure.
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

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

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* htmlFiles(file)
    else if (entry.name.endsWith('.html')) yield file
  }
}

export default function copyMedia(options: { mediaDir?: string } = {}): AstroIntegration {
  let root: URL
  return {
    name: 'liushan:copy-media',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root
      },
      'astro:build:done': async ({ dir, logger }) => {
        // With an adapter the pages are in build.client (dist/client), and `dir` is that folder.
        const outDir = fileURLToPath(dir)
        const mediaDir = path.resolve(fileURLToPath(root), options.mediaDir ?? process.env.MEDIA_DIR ?? '../media')
        const wanted = new Set<string>()
        for await (const file of htmlFiles(outDir)) for (const name of mediaReferences(await fs.readFile(file, 'utf8'))) wanted.add(name)

        const target = path.join(outDir, 'media')
        await fs.mkdir(target, { recursive: true })
        let copied = 0
        const missing: string[] = []
        for (const name of wanted) {
          // Never follow a reference out of the media folder.
          if (name.includes('/') || name.includes('\\') || name === '..' || name === '.') {
            logger.warn(`ignoring suspicious media reference: ${name}`)
            continue
          }
          try {
            await fs.copyFile(path.join(mediaDir, name), path.join(target, name))
            copied++
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
            missing.push(name)
          }
        }
        // One line per file while that stays readable; beyond that one line naming them all.
        if (missing.length <= 20) for (const name of missing) logger.warn(`media file not found in ${mediaDir}: ${name}`)
        else logger.warn(`${missing.length} media files not found in ${mediaDir}: ${missing.join(', ')}`)
        logger.info(`copied ${copied} of ${wanted.size} referenced media files from ${mediaDir}`)
      },
    },
  }
}
