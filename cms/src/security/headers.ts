// Response headers of everything the CMS serves (applied in next.config.ts). Kept free of
// imports so the Next config can load it.

type Header = { key: string; value: string }
type Rule = { source: string; headers: Header[] }

const dev = process.env.NODE_ENV === 'development'

/**
 * The admin is a Next.js app whose pages carry inline scripts (the React Server Components
 * payload) and inline styles, so those stay allowed; everything else comes from the CMS
 * itself, and no other site may frame it, receive its forms or load plugins.
 */
export const adminCsp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** An uploaded file opened on its own can run nothing and load nothing. */
export const uploadCsp = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"

const everywhere: Header[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
]

export const securityHeaders: Rule[] = [
  { source: '/:path*', headers: everywhere },
  { source: '/admin/:path*', headers: [{ key: 'Content-Security-Policy', value: adminCsp }] },
  { source: '/admin', headers: [{ key: 'Content-Security-Policy', value: adminCsp }] },
  { source: '/api/:collection/file/:path*', headers: [{ key: 'Content-Security-Policy', value: uploadCsp }] },
]
