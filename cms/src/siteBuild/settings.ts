import path from 'node:path'

/**
 * Publishing rebuilds the portal only in the CMS server that `npm start` (or a test) starts with
 * SITE_AUTO_BUILD=1. Scripts, unit tests, benchmarks writing thousands of items through the Local
 * API, and developers' `next dev` never spawn builds.
 */
export const siteAutoBuildEnabled = (): boolean => process.env.SITE_AUTO_BUILD === '1'

export type SiteBuildSettings = {
  /** The Astro project (`site/`). */
  siteDir: string
  /** One folder per build, the `live` link and status.json. */
  buildsDir: string
  /** Astro's cache for these builds (content store, Vite cache), kept apart from anyone else's builds. */
  cacheDir: string
  /** Where the build reads published content: this CMS. */
  cmsUrl: string
  /** Uploads, for the photos the pages refer to; unset, the site's default (../media) is the CMS's default too. */
  mediaDir?: string
}

// `next start` runs in cms/, so the default site is its sibling; start-all sets SITE_DIR explicitly.
export function siteBuildSettings(env: NodeJS.ProcessEnv = process.env): SiteBuildSettings {
  // The comments keep Next's file tracing from taking these for reads of the whole project.
  const siteDir = path.resolve(/*turbopackIgnore: true*/ env.SITE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '../site'))
  const buildsDir = path.resolve(/*turbopackIgnore: true*/ env.SITE_BUILDS_DIR ?? path.join(/*turbopackIgnore: true*/ siteDir, 'builds'))
  return {
    siteDir,
    buildsDir,
    cacheDir: path.join(buildsDir, '.cache'),
    // Next sets PORT to the port it listens on.
    cmsUrl: (env.CMS_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    mediaDir: env.MEDIA_DIR,
  }
}
