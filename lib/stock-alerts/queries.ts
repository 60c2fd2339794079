import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { cacheLife, cacheTag } from 'next/cache'
import { db } from '@/db/client'
import { productVariants } from '@/db/schema'
import { catalogTags } from '@/lib/catalog/cache'
import { variantTitle } from '@/lib/catalog/variant-options'

export type AlertChoices = { single: boolean; soldOut: { id: number; title: string }[] }

/**
 * What a product page offers "Email me when it's back" for: its sold-out variants. Cached with
 * the product's page (every stock change expires the product's tag), so the page stays static.
 */
export async function getAlertChoices(productId: number, slug: string): Promise<AlertChoices> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.product(slug))
  cacheLife('hours')
  const variants = await db
    .select({ id: productVariants.id, option1: productVariants.option1, option2: productVariants.option2, option3: productVariants.option3, stock: productVariants.stock })
    .from(productVariants)
    .where(and(eq(productVariants.productId, productId), eq(productVariants.active, true)))
    .orderBy(asc(productVariants.position), asc(productVariants.id))
  return {
    single: variants.length === 1,
    soldOut: variants.filter((variant) => variant.stock <= 0).map((variant) => ({ id: variant.id, title: variantTitle(variant) })),
  }
}
