/**
 * Cheap checks proxy.ts runs on every page request, before Next.js routes it. Pure functions of
 * the request line and headers: no database, no session.
 */

/** A path Next.js could not decode (`/products/abc%ff`) would otherwise end in a 500. */
export function isMalformedPath(pathname: string) {
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    return true
  }
}

/**
 * A POST to a page (a server action, or a form posted without JavaScript) from another site.
 * Next.js refuses these too, but with a 500; this answers 403 before it gets that far.
 * The host is compared as Next.js compares it: X-Forwarded-Host when a proxy set one, else Host.
 * Requests without an Origin header (old browsers, server-to-server) are left to Next.js.
 */
export function isCrossOriginPagePost({ method, pathname, headers }: { method: string; pathname: string; headers: Headers }) {
  if (method !== 'POST') return false
  // Route handlers (the Stripe webhook, Auth.js) are called by other sites on purpose and check their callers themselves.
  if (pathname.startsWith('/api/') && !headers.has('next-action')) return false
  const origin = headers.get('origin')
  if (origin === null) return false
  const host = (headers.get('x-forwarded-host') ?? headers.get('host'))?.split(',')[0]?.trim().toLowerCase()
  let originHost: string
  try {
    originHost = new URL(origin).host.toLowerCase()
  } catch {
    return true // "null" (sandboxed frames, file:) or garbage
  }
  return !host || originHost !== host
}

/**
 * Pages answer GET, HEAD and POST (server actions and forms without JavaScript); another method
 * would render the page with a 200, past the proxy's status decisions. Route handlers under /api
 * answer their own methods.
 */
export function isUnsupportedPageMethod(method: string, pathname: string) {
  return !['GET', 'HEAD', 'POST'].includes(method) && !pathname.startsWith('/api/')
}

/**
 * The router's Next-Router-State-Tree header is the URI-encoded JSON of its tree, an array of at
 * least a segment and its children; anything else makes Next.js answer 500.
 */
export function isMalformedRouterState(headers: Headers) {
  const value = headers.get('next-router-state-tree')
  if (value === null) return false
  try {
    const tree: unknown = JSON.parse(decodeURIComponent(value))
    return !(Array.isArray(tree) && tree.length >= 2 && typeof tree[1] === 'object' && tree[1] !== null)
  } catch {
    return true
  }
}

export function isMultipart(contentType: string | null) {
  return contentType?.toLowerCase().startsWith('multipart/form-data') ?? false
}

/**
 * A multipart form (a page's server action) whose body does not open with its boundary, or that
 * names none, which Next.js would answer with a 500. `start` is the body's first bytes as text.
 */
export function isMalformedMultipart(contentType: string | null, start: string) {
  if (!contentType || !isMultipart(contentType)) return false
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]
  if (!boundary) return true
  return !start.replace(/^(\r\n)+/, '').startsWith(`--${boundary}`)
}
