import { type NextRequest, NextResponse } from 'next/server'

/**
 * The admin speaks Simplified Chinese unless a user has picked another language in their
 * account settings (Payload keeps that choice in the payload-lng cookie). Without this, a PC
 * whose browser asks for English would get an English admin.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('Accept-Language', 'zh-CN,zh;q=0.9')
  return NextResponse.next({ request: { headers } })
}

/**
 * Uploads (multipart requests to /api) bypass the proxy: Next buffers the body of every request
 * a proxy runs on and silently drops everything past 10 MiB, so a 12 MB photo would arrive cut
 * short. The upload limits and their Chinese messages live in Payload's upload config instead.
 */
export const config = {
  matcher: [
    '/admin/:path*',
    { source: '/api/:path*', missing: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
}
