import 'server-only'
import { revalidateTag, updateTag } from 'next/cache'

/** Cache tags for catalog reads. Every cached catalog query carries `catalog` plus narrower tags. */
export const catalogTags = {
  all: 'catalog',
  categories: 'catalog:categories',
  product: (slug: string) => `catalog:product:${slug}`,
} as const

// Scripts (`npm run orders:sweep`) run outside Next.js, which has no cache to expire and throws if asked.
let outsideNextServer = false
export function runningOutsideNextServer() {
  outsideNextServer = true
}

/**
 * Expire cached catalog reads after products or categories change. From a server action
 * (`from: 'action'`) the change is visible on the very next request (read-your-writes);
 * elsewhere (route handlers, webhooks, jobs) the next request triggers a fresh read.
 */
export function invalidateCatalog(options: { productSlugs?: string[]; from: 'action' | 'background' }) {
  if (outsideNextServer) return
  const tags = [catalogTags.all, ...(options.productSlugs ?? []).map(catalogTags.product)]
  for (const tag of tags) {
    if (options.from === 'action') updateTag(tag)
    else revalidateTag(tag, { expire: 0 })
  }
}

/**
 * Expire only these products' cached reads (their pages show stock), without flushing the whole
 * catalog: checkouts and cancellations change stock far more often than merchants edit products.
 */
export function invalidateProducts(slugs: string[], from: 'action' | 'background') {
  if (outsideNextServer) return
  for (const tag of new Set(slugs.map(catalogTags.product))) {
    if (from === 'action') updateTag(tag)
    else revalidateTag(tag, { expire: 0 })
  }
}
