import { type NextRequest, NextResponse } from 'next/server'
import { needsAccessCheck, pageAccess, statusPages } from '@/lib/http/page-access'
import { isCrossOriginPagePost, isMalformedPath } from '@/lib/http/request-guards'
import { ListingSightings, listingRewritePath, listingRouteOf } from '@/lib/catalog/listing-route'
import { productRewritePath, productRouteOf } from '@/lib/catalog/product-route'

/**
 * Runs before every page and API request (not static files), and stays cheap for them:
 * - a path that cannot be decoded gets a 400, and a page POST from another site a 403,
 *   instead of the framework's 500;
 * - visitors without a session cookie are sent to the login page from /account and /admin;
 * - for /admin and the order pages, the status code is decided here (see lib/http/page-access.ts);
 * - product pages, and search and category listings asked for before, are rewritten to a path
 *   holding their normalized query, so they are served from the route cache
 *   (lib/catalog/listing-route.ts, lib/catalog/product-route.ts).
 * None of this is the access control: requireUser() / requireAdmin() and the owner-scoped
 * queries in every page, action and route handler are (a proxy can be bypassed: CVE-2025-29927).
 */
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token']

// One per server process: which listings it has been asked for (lib/catalog/listing-route.ts).
const listingSightings = new ListingSightings()

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (isMalformedPath(pathname)) {
    return new NextResponse('Bad Request: this address is not valid.', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  if (isCrossOriginPagePost({ method: request.method, pathname, headers: request.headers })) {
    return new NextResponse('Forbidden: this form was sent from another site.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }

  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name))
  if (!hasSession && /^\/(account|admin)(\/|$)/.test(pathname)) {
    const login = new URL('/login', request.url)
    // `_rsc` is the router's cache buster on its own requests (the proxy sees it: next.config's
    // skipProxyUrlNormalize), not part of the page's address.
    const query = new URLSearchParams(request.nextUrl.search)
    query.delete('_rsc')
    login.searchParams.set('callbackUrl', query.size > 0 ? `${pathname}?${query}` : pathname)
    return NextResponse.redirect(login)
  }

  if ((request.method === 'GET' || request.method === 'HEAD') && needsAccessCheck(pathname)) {
    const access = await pageAccess(pathname, request.nextUrl.searchParams)
    if (access !== 'page') return NextResponse.rewrite(new URL(statusPages[access], request.url))
  }
  // The page's own server actions (add to cart) post to the same address: they must reach the
  // route the page was rendered by, or the action's refreshed page does not fit the browser's tree.
  if (!['GET', 'HEAD', 'POST'].includes(request.method)) return NextResponse.next()
  const listing = listingRouteOf(pathname)
  if (listing) {
    const cachedPath = listingRewritePath(listing, request.nextUrl.searchParams)
    const listingRequest = { method: request.method, prefetch: request.headers.has('next-router-prefetch'), routerStateTree: request.headers.get('next-router-state-tree') }
    return listingSightings.servedFromCache(cachedPath, listingRequest) ? NextResponse.rewrite(new URL(cachedPath, request.url)) : NextResponse.next()
  }
  const productSlug = productRouteOf(pathname)
  if (productSlug) return NextResponse.rewrite(new URL(productRewritePath(productSlug, request.nextUrl.searchParams), request.url))
  return NextResponse.next()
}

export const config = {
  // Everything but build assets and files served as they are.
  matcher: ['/((?!_next/static|_next/image|art/|uploads/|favicon.ico|logo.svg|robots.txt|sitemap.xml).*)'],
}
