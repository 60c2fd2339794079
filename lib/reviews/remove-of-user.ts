import 'server-only'
import { eq, sql } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { products, reviews } from '@/db/schema'
import { recomputeProductRating } from './service'

/**
 * For an account being deleted, inside the deletion's transaction: removes its reviews, takes
 * its helpful votes and reports off other reviews' counts, and recomputes the ratings of the
 * products it reviewed (locked first). Returns those products' slugs, to invalidate after commit.
 */
export async function removeReviewsOfUser(tx: Transaction, userId: string): Promise<string[]> {
  const reviewed = await tx
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .where(sql`${products.id} in (select product_id from reviews where user_id = ${userId})`)
    .orderBy(products.id)
    .for('update')
  await tx.execute(sql`
    update reviews set helpful_count = greatest(helpful_count - 1, 0), updated_at = updated_at
    where id in (select review_id from review_votes where user_id = ${userId})`)
  await tx.execute(sql`
    update reviews set report_count = greatest(report_count - 1, 0), updated_at = updated_at
    where id in (select review_id from review_reports where user_id = ${userId})`)
  await tx.delete(reviews).where(eq(reviews.userId, userId))
  for (const product of reviewed) await recomputeProductRating(tx, product.id)
  return reviewed.map((product) => product.slug)
}
