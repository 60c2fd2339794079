import 'server-only'
import { eq } from 'drizzle-orm'
import { db } from '@/db/client'
import { products } from '@/db/schema'

export type PurchasableChoice = { kind: 'single'; productId: number; name: string } | { kind: 'choose'; slug: string } | { kind: 'unavailable' }

/** What "move to cart" can add for a saved product: its one purchasable item, or nothing without the shopper choosing. */
export async function purchasableChoice(productId: number): Promise<PurchasableChoice> {
  const [product] = await db.select({ id: products.id, name: products.name, slug: products.slug, active: products.active }).from(products).where(eq(products.id, productId))
  if (!product?.active) return { kind: 'unavailable' }
  return { kind: 'single', productId: product.id, name: product.name }
}
