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
  const raw: Record<string, string[]> = {}
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

/**
 * Which listings go to the route cache. Rendering a page into the cache costs several times a
 * plain request-time render (Next prerenders it, with its prefetch segments, and stores it), so
 * a query pays that only once it repeats: the first request for a path renders at request time
 * (its data still comes from the 'use cache' query cache), the second and later ones are served
 * from the route cache. The unfiltered first pages are prerendered at build and always cached.
 * Remembers the last `capacity` paths seen once, per server process.
 */
export class RepeatedListings {
  private readonly seenOnce = new Map<string, true>()
  constructor(private readonly capacity = 10_000) {}

  /** True when this path was asked for before (or is prerendered): serve it from the route cache. */
  shouldCache(path: string) {
    if (path.endsWith(`/${EMPTY_KEY}`)) return true
    if (this.seenOnce.has(path)) return true
    this.seenOnce.set(path, true)
    // A Map iterates in insertion order: the first key is the oldest.
    if (this.seenOnce.size > this.capacity) {
      const oldest = this.seenOnce.keys().next().value
      if (oldest !== undefined) this.seenOnce.delete(oldest)
    }
    return false
  }
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
