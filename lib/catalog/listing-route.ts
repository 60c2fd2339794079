import { parseSearchParams, type SearchQuery, searchQueryToParams } from './search-params'

/**
 * Search and category listings are addressed by their query string (/search?q=lamp&page=2), and a
 * page that reads the query string renders on every request. proxy.ts therefore rewrites each
 * listing to a path that holds its normalized query (/search/r/q%3Dlamp%26page%3D2), a page with
 * params only, which Next renders once and then serves from its route cache (shared across
 * instances with REDIS_URL) until a catalog edit or its cache life expires it. Equal searches
 * written differently (?page=1, a repeated parameter, another order) share one cached page.
 */
const EMPTY_KEY = '-'

export type ListingRoute = { kind: 'search' } | { kind: 'category'; slug: string }

const categoryPath = /^\/category\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/

/** Which listing a request path is, if any (only the bare listing paths, never their sub-paths). */
export function listingRouteOf(pathname: string): ListingRoute | null {
  if (pathname === '/search' || pathname === '/search/') return { kind: 'search' }
  const slug = categoryPath.exec(pathname)?.[1]
  return slug ? { kind: 'category', slug } : null
}

function rawParams(searchParams: URLSearchParams) {
  // No prototype: a parameter called `constructor` or `__proto__` is just an unknown parameter.
  const raw: Record<string, string[]> = Object.create(null)
  for (const [name, value] of searchParams) (raw[name] ??= []).push(value)
  return raw
}

/** The path segment naming a normalized listing query ('-' for the defaults). */
export function listingKey(query: SearchQuery, route: ListingRoute) {
  // On a category page the category is the path, never a filter.
  const params = searchQueryToParams(route.kind === 'category' ? { ...query, category: null } : query).toString()
  return params ? encodeURIComponent(params) : EMPTY_KEY
}

/** The internal path proxy.ts rewrites a listing request to. */
export function listingRewritePath(route: ListingRoute, searchParams: URLSearchParams) {
  const key = listingKey(parseSearchParams(rawParams(searchParams)), route)
  return route.kind === 'search' ? `/search/r/${key}` : `/category/${route.slug}/r/${key}`
}

/** The query a listing key stands for; a made-up key reads like a made-up query string (defaults). */
export function queryFromListingKey(key: string): SearchQuery {
  if (key === EMPTY_KEY) return parseSearchParams({})
  // Next hands dynamic segments over decoded; decode again only if it did not ('=' is always encoded in a key).
  let text = key
  if (!text.includes('=')) {
    try {
      text = decodeURIComponent(text)
    } catch {
      text = ''
    }
  }
  return parseSearchParams(rawParams(new URLSearchParams(text)))
}

/** Every category's first page, unfiltered: prerendered at build. */
export const firstPageKey = EMPTY_KEY

/** What a request for a listing is: a page load or navigation, a hover's prefetch, or a form or action post. */
export type ListingRequest = { method: string; prefetch: boolean; routerStateTree: string | null }

/**
 * Whether a listing request is served from the route cache (the rewritten path) or rendered at
 * request time by /search or /category/<slug> themselves.
 *
 * Rendering a listing into the route cache costs Next about twice a request-time render (a
 * prerender, then HTML, RSC payload and segment data stored), which pays off only when the same
 * listing is asked for again, and most searches are asked for once. So a listing renders at
 * request time the first time this process sees it, and from its second page load on it comes
 * from the route cache. Each category's and the search's default page, prerendered by the build,
 * always does. A prefetch is not a sighting. A post (an action on the page, such as add to cart)
 * goes to the route the browser's page came from, which its router state names: the cached
 * routes' `[key]` segment, or not.
 */
export class ListingSightings {
  private readonly seen = new Map<string, true>()

  constructor(private readonly capacity = 5000) {}

  servedFromCache(cachedPath: string, request: ListingRequest): boolean {
    if (cachedPath.endsWith(`/r/${EMPTY_KEY}`)) return true
    if (request.method === 'POST') return request.routerStateTree === null ? this.seen.has(cachedPath) : routerStateNamesCachedRoute(request.routerStateTree)
    const seenBefore = this.seen.delete(cachedPath)
    if (seenBefore || !request.prefetch) {
      // Most recently seen last, so the first key is the one to forget.
      this.seen.set(cachedPath, true)
      if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value ?? '')
    }
    return seenBefore
  }
}

/** Whether the router state a browser sends with an action (Next-Router-State-Tree) holds a cached listing route's `[key]` segment. */
function routerStateNamesCachedRoute(header: string) {
  try {
    return decodeURIComponent(header).includes('["key",')
  } catch {
    return false
  }
}
