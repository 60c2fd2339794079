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
