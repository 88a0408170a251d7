// After the build, index the built pages with Pagefind (Node API, extended binary: Chinese word
// segmentation for lang="zh-CN") and write the index to <client>/pagefind/, for /search/.
//
// Pages mark what is searchable: data-pagefind-body on the main content (once any page has it,
// pages without it are left out), data-pagefind-filter="栏目" for the section filter. Until a page
// has a 栏目 filter of its own, it is given its site section (新闻动态, 法官工作站, …) from its URL.
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'
import { close, createIndex } from 'pagefind'

import { zh } from '../i18n/zh'

/** Pages that are not content: never offered as search results. */
const SKIP = [/^404\.html$/, /^search\//, /^preview\//, /^pagefind\//]

/** Site sections by URL, as the 栏目 filter of pages that name none. */
const SECTIONS: [prefix: string, label: string][] = [
  ['/news/', zh.news.all],
  ['/columns/', zh.news.all],
  ['/stories/', zh.stories.all],
  ['/workstations/', zh.workstations.title],
  ['/events/', zh.events.title],
  ['/families/', zh.families.title],
  ['/media-coverage/', zh.mediaCoverage.title],
]

/** Pages handed to Pagefind at a time. */
const PARALLEL_PAGES = 8

/** Masthead, menus and footer repeat on every page; never index them, even on unmarked pages. */
const EXCLUDE = ['.site-header', '.site-footer', '.skip-link', '.breadcrumbs', '.pagination', '[data-reader-toolbar]']

async function* htmlFiles(dir: string, base = dir): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* htmlFiles(file, base)
    else if (entry.name.endsWith('.html')) yield path.relative(base, file).split(path.sep).join('/')
  }
}

/** news/x/index.html → /news/x/ */
export const pageUrl = (file: string): string => `/${file}`.replace(/(^|\/)index\.html$/, '$1')

/** The page's HTML with a 栏目 filter from its URL, unless it names one itself. */
export function withSectionFilter(html: string, url: string): string {
  if (/\sdata-pagefind-filter\s*=\s*["']?栏目/.test(html)) return html
  const section = SECTIONS.find(([prefix]) => url.startsWith(prefix))?.[1]
  if (!section) return html
  const attribute = ` data-pagefind-filter="栏目:${section}"`
  const body = /(<[a-z][^<>]*?\s)(data-pagefind-body)(?=[\s>=/])/i
  if (body.test(html)) return html.replace(body, `$1$2${attribute}`)
  return html.replace(/<body(?=[\s>])/i, `<body${attribute}`)
}

export default function pagefind(): AstroIntegration {
  return {
    name: 'liushan:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // With an adapter the pages are in build.client (dist/client), and `dir` is that folder.
        const outDir = fileURLToPath(dir)
        const started = Date.now()
        try {
          const { index, errors } = await createIndex({ excludeSelectors: EXCLUDE })
          if (!index) throw new Error(errors.join('; '))
          const files: string[] = []
          for await (const file of htmlFiles(outDir)) if (!SKIP.some((pattern) => pattern.test(file))) files.push(file)
          // Several pages in flight at once: Pagefind indexes them in parallel, which takes a third
          // off this step (it is on the path of every publish; see cms/src/siteBuild/).
          let next = 0
          const addPages = async () => {
            while (next < files.length) {
              const file = files[next++]
              const url = pageUrl(file)
              const content = withSectionFilter(await fs.readFile(path.join(outDir, file), 'utf8'), url)
              const result = await index.addHTMLFile({ url, content })
              if (result.errors.length) logger.warn(`${url}: ${result.errors.join('; ')}`)
            }
          }
          await Promise.all(Array.from({ length: PARALLEL_PAGES }, addPages))
          const outputPath = path.join(outDir, 'pagefind')
          const written = await index.writeFiles({ outputPath })
          if (written.errors.length) throw new Error(written.errors.join('; '))
          const entry = JSON.parse(await fs.readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8'))
          const pages = Object.values<{ page_count: number }>(entry.languages).reduce((sum, language) => sum + language.page_count, 0)
          logger.info(`indexed ${pages} pages for search in ${Date.now() - started} ms`)
        } catch (error) {
          // Loud, but the site itself is still published; /search/ then says search is unavailable.
          logger.error(`search index not written: ${(error as Error).message}`)
        } finally {
          await close()
        }
      },
    },
  }
}
