// The CMS only accepts safe links, but the portal does not bet every page on that: a link from
// the CMS reaches an href only through these.

// Controls, spaces, zero-width and bidi characters: browsers ignore some inside a scheme.
const invisible = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/u

/** An http(s) address of another site, or undefined for anything else. */
export function webHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const url = value.trim()
  if (invisible.test(url) || url.includes('\\') || !/^https?:\/\/[^/?#]/i.test(url)) return undefined
  return url
}

/** A portal path (`/…`, never `//…`) or an http(s) address; `fallback` for anything else. */
export function safeHref(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string') return fallback
  const url = value.trim()
  if (url.startsWith('/') && !url.startsWith('//') && !invisible.test(url) && !url.includes('\\')) return url
  return webHref(url) ?? fallback
}

/** A tel: link for a phone number as people write it, or undefined when it has no digits. */
export function telHref(phone: unknown): string | undefined {
  if (typeof phone !== 'string') return undefined
  const number = phone.replace(/（.*?）|\(.*?\)/g, '').replace(/[^\d+]/g, '')
  return /\d{3,}/.test(number) ? `tel:${number}` : undefined
}
