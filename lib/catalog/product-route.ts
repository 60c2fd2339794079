/**
 * A product page is addressed /products/<slug>?variant=SKU, and a page that reads the query string
 * renders on every request (~15 ms of CPU each, 60-70 pages a second at 100,000 products). As with
 * listings (listing-route.ts), proxy.ts rewrites it to /products/<slug>/v/<sku>, a page with params
 * only, which Next renders once and serves from its route cache until the product changes. Other
 * query parameters (utm_source…) do not split the cache, and SKUs match without regard to case.
 */
const DEFAULT_VARIANT_KEY = '-'
const productPath = /^\/products\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/
/** Longer than any SKU the admin accepts: a made-up one is shown as the default variant. */
const MAX_SKU_LENGTH = 64

/** The product slug of a bare product path (never /products/<slug>/reviews and the like). */
export function productRouteOf(pathname: string): string | null {
  return productPath.exec(pathname)?.[1] ?? null
}

/** The internal path proxy.ts rewrites a product request to. */
export function productRewritePath(slug: string, searchParams: URLSearchParams) {
  const sku = searchParams.get('variant')?.trim().toLowerCase() ?? ''
  const key = sku && sku.length <= MAX_SKU_LENGTH ? encodeURIComponent(sku) : DEFAULT_VARIANT_KEY
  return `/products/${slug}/v/${key}`
}

/** The SKU a variant key names (Next hands the segment over decoded), or undefined for the default. */
export function skuFromVariantKey(key: string): string | undefined {
  return key === DEFAULT_VARIANT_KEY ? undefined : key
}

/** The key of a product's default variant: the pages prerendered at build. */
export const defaultVariantKey = DEFAULT_VARIANT_KEY
