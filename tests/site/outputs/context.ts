// What the checks in this folder get from the portal test (tests/site/portal.test.ts), which
// builds and serves one portal for all of them: a build costs about a minute.
import fs from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'

export type PortalUnderTest = {
  /** Where the test fetches it (serve.ts). */
  url: string
  /** What the build was told its public address is (from SITE_PORT). */
  publicUrl: string
  /** The build's public folder (client/). */
  client: string
  browser: Browser
  /** A page that opens a current draft preview, for the preview page kind. */
  previewUrl: () => string
  /** An article whose body links to a published article, one withdrawn since, and a story (relationship). */
  linking: { slug: string; linkedSlug: string; unpublishedLabel: string; storySlug: string; storyTitle: string }
  /** The article whose summary reads like markup. */
  markupSummary: { slug: string; summary: string }
}

/** The first content page (not a month archive folder or the month index) under a section of the built site. */
export function firstPage(client: string, section: string): string {
  const names = fs
    .readdirSync(path.join(client, section), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name) && d.name !== 'archive')
    .map((d) => d.name)
    .sort()
  return `/${section}/${names[0]}/`
}

/** The file the static server answers `urlPath` with. */
export const builtFile = (client: string, urlPath: string) =>
  path.join(client, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath)

/** The oldest month page of a news list (`/news/` or `/columns/<slug>/`) in the built site. */
export function firstMonthPage(client: string, list: string): string {
  const dirs = (dir: string) => fs.readdirSync(path.join(client, dir), { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d+$/.test(d.name)).map((d) => d.name).sort()
  const year = dirs(list)[0]
  return `${list}${year}/${dirs(`${list}${year}`)[0]}/`
}
