import { type NextRequest, NextResponse } from 'next/server'
import { needsAccessCheck, pageAccess, statusPages } from '@/lib/http/page-access'
import { isCrossOriginPagePost, isMalformedMultipart, isMultipart, isMalformedPath, isMalformedRouterState, isUnsupportedPageMethod } from '@/lib/http/request-guards'
import { catalogSlugFallback } from '@/lib/catalog/slug-path'
import { ListingSightings, listingRewritePath, listingRouteOf } from '@/lib/catalog/listing-route'
import { productRewritePath, productRouteOf } from '@/lib/catalog/product-route'

/**
 * Runs before every page and API request (not static files), and stays cheap for them:
 * - a path that cannot be decoded, a router header or a form body Next.js cannot parse get a 400,
 *   a page POST from another site a 403, and a page asked with another method than GET, HEAD or
 *   POST a 405, instead of the framework's 500 (or a page rendered with a 200);
 * - a product or category slug the shop could not have made is sent to its lower-case spelling,
 *   or answered 404 (lib/catalog/slug-path.ts);
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

const plainText = (body: string, status: number, headers: Record<string, string> = {}) => new NextResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } })

/** The first bytes of a posted multipart body, from a copy so the action still gets all of it (the proxy holds the body anyway). */
async function bodyStart(request: NextRequest) {
  return new TextDecoder().decode((await request.clone().arrayBuffer()).slice(0, 512))
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (isMalformedPath(pathname)) return plainText('Bad Request: this address is not valid.', 400)
  if (isUnsupportedPageMethod(request.method, pathname)) return plainText('Method Not Allowed: pages answer GET, HEAD and POST.', 405, { Allow: 'GET, HEAD, POST' })
  if (isMalformedRouterState(request.headers)) return plainText('Bad Request: the Next-Router-State-Tree header is not valid.', 400)
  if (isCrossOriginPagePost({ method: request.method, pathname, headers: request.headers })) return plainText('Forbidden: this form was sent from another site.', 403)
  const contentType = request.headers.get('content-type')
  if (request.method === 'POST' && !pathname.startsWith('/api/') && isMultipart(contentType) && isMalformedMultipart(contentType, await bodyStart(request))) {
    return plainText('Bad Request: this form could not be read.', 400)
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

  const fallback = request.method === 'GET' || request.method === 'HEAD' ? catalogSlugFallback(pathname) : null
  if (fallback && 'redirect' in fallback) return NextResponse.redirect(new URL(`${fallback.redirect}${request.nextUrl.search}`, request.url), 308)
  if (fallback) return NextResponse.rewrite(new URL(fallback.rewrite, request.url))

  if ((request.method === 'GET' || request.method === 'HEAD') && needsAccessCheck(pathname)) {
    const access = await pageAccess(pathname, request.nextUrl.searchParams)
    if (access !== 'page') return NextResponse.rewrite(new URL(statusPages[access], request.url))
  }
  // The page's own server actions (add to cart) post to the same address: they must reach the
  // route the page was rendered by, or the action's refreshed page does not fit the browser's tree.
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
  // Artwork and uploads only when their path holds an escape, which may not decode (a 400 here, not a 500).
  matcher: ['/((?!_next/static|_next/image|art/|uploads/|favicon.ico|logo.svg|robots.txt|sitemap.xml).*)', '/(art|uploads)/(.*%.*)'],
}
