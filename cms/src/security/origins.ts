// The web origins allowed to act on the CMS with a signed-in person's cookie (Payload's csrf
// list) and to read its API from a browser (cors): the CMS itself and the portal.

type Env = Record<string, string | undefined>

const originOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined
  try {
    const { origin } = new URL(url)
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

/** Where people open the admin: CMS_PUBLIC_URL, else this machine on the port Next listens on. */
export function cmsOrigins(env: Env = process.env): string[] {
  const own = originOf(env.CMS_PUBLIC_URL)
  if (own) return [own]
  const port = env.PORT ?? '3000'
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
}

/** The portal's origin (SITE_URL, the same default the preview links use). */
export const siteOrigin = (env: Env = process.env): string | undefined => originOf(env.SITE_URL ?? 'http://localhost:4321')

export function trustedOrigins(env: Env = process.env): string[] {
  return [...new Set([...cmsOrigins(env), siteOrigin(env)].filter((o): o is string => Boolean(o)))]
}

/** The CMS is served over https: its auth cookie must then never travel over plain http. */
export const servedOverHttps = (env: Env = process.env): boolean => originOf(env.CMS_PUBLIC_URL)?.startsWith('https:') ?? false
