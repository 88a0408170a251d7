import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

import externalOutDir from './src/integrations/externalOutDir.ts'
import precompress from './src/integrations/precompress.ts'
import { siteUrlFromEnv } from './src/siteUrl.ts'

// Every route is rendered on demand by the server bundle: the renderer (render/) runs content
// pages through it into static files (content from src/content/store.ts); the portal server
// (scripts/serve.ts) serves those and hands the few live routes (draft preview) to the bundle.
export default defineConfig({
  output: 'server',
  // Middleware: the bundle's handler renders routes only. scripts/serve.ts serves the client assets
  // itself, and the renderer would otherwise pay a failed static-file lookup (stat) per page.
  adapter: node({ mode: 'middleware' }),
  site: siteUrlFromEnv(),
  // Tests (and CI) build into a folder of their own.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  // The CMS's automatic builds keep their content store and Vite cache apart from other builds.
  ...(process.env.SITE_CACHE_DIR ? { cacheDir: process.env.SITE_CACHE_DIR } : {}),
  server: { port: Number(process.env.SITE_PORT ?? 4321), host: true },
  integrations: [
    externalOutDir(),
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
