import node from '@astrojs/node'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import copyMedia from './src/integrations/copyMedia.ts'
import externalOutDir from './src/integrations/externalOutDir.ts'
import precompress from './src/integrations/precompress.ts'
import searchIndex from './src/integrations/searchIndex.ts'
import { siteUrlFromEnv } from './src/siteUrl.ts'

// Static pages, served by the Node adapter in standalone mode (which also hosts the few
// on-demand routes such as draft preview).
export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  site: siteUrlFromEnv(),
  // Tests (and CI) build into a folder of their own.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  // The CMS's automatic builds keep their content store and Vite cache apart from other builds.
  ...(process.env.SITE_CACHE_DIR ? { cacheDir: process.env.SITE_CACHE_DIR } : {}),
  server: { port: Number(process.env.SITE_PORT ?? 4321), host: true },
  integrations: [
    externalOutDir(),
    sitemap({
      filter: (page) => {
        const { pathname } = new URL(page)
        return !/^\/404\/?$/.test(pathname) && !pathname.startsWith('/preview/')
      },
    }),
    copyMedia(),
    searchIndex(),
    // Last: it compresses what the integrations above wrote too.
    precompress(),
  ],
  security: {
    // A strict policy in each page's <meta>: Astro hashes the scripts and styles it emits; nothing
    // else runs. Framing is refused by a header from scripts/responseHeaders.ts, since a <meta>
    // cannot do that.
    csp: {
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'"] },
    },
  },
})
