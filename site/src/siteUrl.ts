// The portal's public address, which every absolute URL (canonical, og:url, sitemap, robots.txt,
// RSS, .ics) is built from: SITE_URL, else this machine on SITE_PORT (the port `npm start` serves
// the portal on), else Astro's default port. astro.config.mjs gives it to Astro as `site`.
export const siteUrlFromEnv = (env: Record<string, string | undefined> = process.env): string =>
  (env.SITE_URL || `http://localhost:${env.SITE_PORT || 4321}`).replace(/\/+$/, '')
