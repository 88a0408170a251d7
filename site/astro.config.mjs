import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

// Static pages, served by the Node adapter in standalone mode (which also hosts the few
// on-demand routes such as draft preview).
export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  server: { port: Number(process.env.SITE_PORT ?? 4321), host: true },
})
