import 'server-only'
import { revalidateTag, updateTag } from 'next/cache'

/** Cache tags for catalog reads. Every cached catalog query carries `catalog` plus narrower tags. */
export const catalogTags = {
  all: 'catalog',
  categories: 'catalog:categories',
  product: (slug: string) => `catalog:product:${slug}`,
  /**
   * Carried by every cached list of product cards (listings, the home page's rows, recommendations),
   * which show whether each product is sold out. One tag for all of them, not one per product shown:
   * 24 more tags on each listing entry cost new searches ~8% of their throughput (`npm run bench`).
   */
  cards: 'catalog:cards',
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
 * Expire only these products' cached reads (their pages show stock and reviews), without flushing
 * the whole catalog: checkouts, returns and reviews change products far more often than merchants
 * edit them. When what a product's card shows changed (`cardsChanged`: it sold out or came back,
 * its rating moved), the cached lists of product cards expire too; a sale that leaves stock on the
 * shelf, stock put back beside some, or a helpful vote changes no card.
 */
export function invalidateProducts(slugs: string[], from: 'action' | 'background', cardsChanged: boolean) {
  if (outsideNextServer) return
  const tags = new Set(slugs.map(catalogTags.product))
  if (cardsChanged && slugs.length > 0) tags.add(catalogTags.cards)
  for (const tag of tags) {
    if (from === 'action') updateTag(tag)
    else revalidateTag(tag, { expire: 0 })
  }
}
