import { type NextRequest, NextResponse } from 'next/server'

/**
 * A convenience only: sends visitors without a session cookie to the login page before any
 * rendering. The real checks are requireUser() / requireAdmin(), which every page, action and
 * route handler of /account and /admin calls itself (a proxy can be bypassed: CVE-2025-29927).
 */
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token']

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name))
  if (hasSession) return NextResponse.next()
  const login = new URL('/login', request.url)
  login.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`)
  return NextResponse.redirect(login)
}

export const config = {
  matcher: ['/account/:path*', '/admin/:path*'],
}
