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

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
