import 'server-only'
import { desc, eq, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { promotions } from '@/db/schema'
import { paidStatusesSql } from '@/lib/orders/queries'

export type PromotionListRow = typeof promotions.$inferSelect & {
  /** Orders holding a use now (paid, or still being paid). */
  uses: number
  /** Paid orders that used it. */
  paidOrders: number
  /** What those orders brought in, less refunds. */
  revenueCents: number
  /** What it took off those paid orders (items and shipping). */
  discountGivenCents: number
}

/** Every promotion, newest first, with its uses and the revenue of the paid orders that used it. */
export async function listPromotions(): Promise<PromotionListRow[]> {
  const rows = await db
    .select({
      promotion: promotions,
      uses: sql<number>`(select count(*)::int from promotion_redemptions r where r.promotion_id = "promotions"."id" and r.released_at is null)`,
      paidOrders: sql<number>`(select count(*)::int from promotion_redemptions r join orders o on o.id = r.order_id
        where r.promotion_id = "promotions"."id" and o.status in (${paidStatusesSql}))`,
      revenueCents: sql<number>`(select coalesce(sum(o.total_cents - o.refunded_cents), 0)::bigint from promotion_redemptions r join orders o on o.id = r.order_id
        where r.promotion_id = "promotions"."id" and o.status in (${paidStatusesSql}))`,
      discountGivenCents: sql<number>`(select coalesce(sum(r.discount_cents + r.shipping_discount_cents), 0)::bigint from promotion_redemptions r join orders o on o.id = r.order_id
        where r.promotion_id = "promotions"."id" and o.status in (${paidStatusesSql}))`,
    })
    .from(promotions)
    .orderBy(desc(promotions.createdAt), desc(promotions.id))
  return rows.map(({ promotion, uses, paidOrders, revenueCents, discountGivenCents }) => ({
    ...promotion,
    uses,
    paidOrders,
    revenueCents: Number(revenueCents),
    discountGivenCents: Number(discountGivenCents),
  }))
}

export async function getPromotion(id: number) {
  const [row] = await db.select().from(promotions).where(eq(promotions.id, id))
  return row ?? null
}
