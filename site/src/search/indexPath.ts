import path from 'node:path'

/** The index file: SEARCH_INDEX, else search.sqlite in the render output (SITE_OUT, default site/live). */
export const searchIndexPath = (env: Record<string, string | undefined> = process.env): string =>
  path.resolve(env.SEARCH_INDEX ?? path.join(env.SITE_OUT ?? 'site/live', 'search.sqlite'))
