import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { promotionRedemptions, promotions } from '@/db/schema'
import type { PricingResult } from '@/lib/pricing/types'

/**
 * Records the promotions an order used, in the checkout's transaction. Each use is counted with a
 * conditional increment, so a limited code is never used more often than its limit even if two
 * checkouts got past the pricing at once; returns the code that ran out, if one did (the caller
 * rolls back).
 */
export async function redeemPromotions(tx: Executor, input: { orderId: number; email: string; pricing: PricingResult }): Promise<{ ok: true } | { ok: false; code: string }> {
  for (const promotion of input.pricing.promotions) {
    const [counted] = await tx
      .update(promotions)
      .set({ usesCount: sql`${promotions.usesCount} + 1` })
      .where(and(eq(promotions.id, promotion.promotionId), sql`(${promotions.usageLimit} is null or ${promotions.usesCount} < ${promotions.usageLimit})`))
      .returning({ id: promotions.id })
    if (!counted) return { ok: false, code: promotion.code ?? promotion.name }
    await tx.insert(promotionRedemptions).values({
      promotionId: promotion.promotionId,
      orderId: input.orderId,
      code: promotion.code,
      customerEmail: input.email.toLowerCase(),
      discountCents: promotion.discountCents,
      shippingDiscountCents: promotion.shippingDiscountCents,
    })
  }
  return { ok: true }
}

/** Gives an order's promotion uses back (it was cancelled or expired unpaid), once. */
export async function releasePromotionUses(tx: Executor, orderId: number) {
  const released = await tx
    .update(promotionRedemptions)
    .set({ releasedAt: sql`now()` })
    .where(and(eq(promotionRedemptions.orderId, orderId), isNull(promotionRedemptions.releasedAt)))
    .returning({ promotionId: promotionRedemptions.promotionId })
  for (const { promotionId } of released) {
    await tx
      .update(promotions)
      .set({ usesCount: sql`greatest(${promotions.usesCount} - 1, 0)` })
      .where(eq(promotions.id, promotionId))
  }
  return released.length
}
