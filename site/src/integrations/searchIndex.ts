// After the build, write the search index (search/) beside the build's client and server folders,
// where the server's /search/ page finds it (scripts/serve.ts passes SEARCH_INDEX to it).
// SEARCH_INDEX at build time writes it elsewhere.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { indexPublished } from '../search/indexPublished'

export const SEARCH_INDEX_FILE = 'search.sqlite'

export default function searchIndex(): AstroIntegration {
  let outDir = ''
  return {
    name: 'liushan:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir)
      },
      'astro:build:done': async ({ logger }) => {
        const started = Date.now()
        const file = path.resolve(process.env.SEARCH_INDEX ?? path.join(outDir, SEARCH_INDEX_FILE))
        try {
          const count = await indexPublished(file)
          logger.info(`indexed ${count} items for search in ${Date.now() - started} ms`)
        } catch (error) {
          // Loud, but the site itself is still published; /search/ then says search is unavailable.
          logger.error(`search index not written: ${(error as Error).message}`)
        }
      },
    },
  }
}
