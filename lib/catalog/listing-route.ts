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
