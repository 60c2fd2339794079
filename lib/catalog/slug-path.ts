/** A slug as the shop makes them: lower-case letters and digits in words joined by dashes. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const catalogPath = /^\/(products|category)\/([^/]+)\/?$/

/**
 * A product or category address whose slug the shop could never have made. The same words in
 * capitals (`/category/AUDIO`) are sent to the lower-case address; anything else (`/products/%00`,
 * `/category/ünïcode`) is one of the cached not-found routes, so it answers 404 rather than a
 * page rendered per request that could only show "not found" under a 200.
 */
export function catalogSlugFallback(pathname: string): { redirect: string } | { rewrite: string } | null {
  const [, kind, segment] = catalogPath.exec(pathname) ?? []
  if (!kind || !segment || slugPattern.test(segment)) return null
  let slug: string
  try {
    slug = decodeURIComponent(segment).toLowerCase()
  } catch {
    return null // proxy.ts has answered 400 already
  }
  if (slugPattern.test(slug)) return { redirect: `/${kind}/${slug}` }
  return { rewrite: kind === 'products' ? '/products/-/v/-' : '/category/-/r/-' }
}
