import 'server-only'
import { and, eq } from 'drizzle-orm'
import { db } from '@/db/client'
import { productVariants, products } from '@/db/schema'

export type PurchasableChoice = { kind: 'single'; productId: number; variantId: number; name: string } | { kind: 'choose'; slug: string } | { kind: 'unavailable' }

/**
 * What "move to cart" can add for a saved product (the list keeps products, not sizes): its one
 * variant on sale; with several (sizes, colours) the shopper chooses on the product page.
 */
export async function purchasableChoice(productId: number): Promise<PurchasableChoice> {
  const [product] = await db.select({ id: products.id, name: products.name, slug: products.slug, active: products.active }).from(products).where(eq(products.id, productId))
  if (!product?.active) return { kind: 'unavailable' }
  const variants = await db
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.productId, productId), eq(productVariants.active, true)))
    .limit(2)
  const [only, another] = variants
  if (!only) return { kind: 'unavailable' }
  if (another) return { kind: 'choose', slug: product.slug }
  return { kind: 'single', productId: product.id, variantId: only.id, name: product.name }
}
