import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { promotions } from '@/db/schema'
import type { PromotionRule } from '@/lib/pricing/types'
import { normalizeCode } from '@/lib/pricing/promotion-rules'

type PromotionRow = typeof promotions.$inferSelect

export type CandidateOptions = {
  /** The code the shopper entered, as typed (normalized here). */
  code: string | null
  /** lower-cased on use: one-per-customer counts by email; null when not known yet (a guest's cart). */
  customerEmail: string | null
  /** The cart being priced: its own unpaid checkout's uses do not count against it (a retry replaces them). */
  cartId: string | null
  /** Lock the code's row (checkout): concurrent checkouts with one code take turns, so limits hold. */
  lock?: boolean
}

/** Uses held by other orders than this cart's own unpaid checkout attempts. */
function heldUses(cartId: string | null, customerEmail: string | null) {
  const own = cartId ? sql`and not exists (select 1 from orders o where o.id = r.order_id and o.cart_id = ${cartId} and o.status = 'pending' and o.payment_state = 'unpaid')` : sql``
  return {
    uses: sql<number>`(select count(*)::int from promotion_redemptions r where r.promotion_id = "promotions"."id" and r.released_at is null ${own})`,
    usedByCustomer: customerEmail
      ? sql<boolean>`exists (select 1 from promotion_redemptions r where r.promotion_id = "promotions"."id" and r.released_at is null and r.customer_email = ${customerEmail.toLowerCase()} ${own})`
      : sql<boolean>`false`,
  }
}

export function toRule(row: PromotionRow, facts: { uses: number; usedByCustomer: boolean }): PromotionRule {
  const effect: PromotionRule['effect'] =
    row.kind === 'percentage'
      ? { type: 'percentage', basisPoints: row.percentBasisPoints ?? 0 }
      : row.kind === 'fixed'
        ? { type: 'fixed', amountCents: row.amountCents ?? 0 }
        : { type: 'free_shipping' }
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    effect,
    scope: row.scope === 'order' ? { type: 'order' } : { type: 'items', productIds: row.productIds, categoryIds: row.categoryIds },
    minSubtotalCents: row.minSubtotalCents,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    active: row.active,
    currency: row.currency,
    exhausted: row.usageLimit !== null && facts.uses >= row.usageLimit,
    usedByCustomer: row.onePerCustomer && facts.usedByCustomer,
  }
}

/**
 * The promotions a pricing may use: the entered code's (null rule when no such code exists) and
 * the active automatic ones, as plain rules with their usage facts worked out.
 */
export async function promotionCandidates(executor: Executor, options: CandidateOptions) {
  const facts = heldUses(options.cartId, options.customerEmail)
  const automaticRows = await executor
    .select({ row: promotions, uses: facts.uses, usedByCustomer: facts.usedByCustomer })
    .from(promotions)
    .where(and(isNull(promotions.code), eq(promotions.active, true)))
    .orderBy(promotions.id)
  const automatic = automaticRows.map(({ row, uses, usedByCustomer }) => toRule(row, { uses, usedByCustomer }))
  const typed = options.code?.trim() ? options.code : null
  if (!typed) return { code: null, automatic }
  const normalized = normalizeCode(typed)
  if (options.lock) {
    // Take the row lock first, then count: whoever holds it sees every use committed before.
    await executor.select({ id: promotions.id }).from(promotions).where(eq(promotions.code, normalized)).for('update')
  }
  const [found] = await executor.select({ row: promotions, uses: facts.uses, usedByCustomer: facts.usedByCustomer }).from(promotions).where(eq(promotions.code, normalized))
  return { code: { input: typed, rule: found ? toRule(found.row, found) : null }, automatic }
}
