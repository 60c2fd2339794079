import 'server-only'
import { and, eq } from 'drizzle-orm'
import { db, type Transaction } from '@/db/client'
import { orders, refunds } from '@/db/schema'
import { formatMoney } from '@/lib/money'
import { refundTaxShare } from '@/lib/pricing/tax'
import { refundableCents } from '@/lib/orders/queries'
import { isPaid, paidAfterCancelling } from '@/lib/orders/status'
import { providerFor } from './provider'

export type RefundInput = {
  orderId: number
  amountCents: number
  restock: boolean
  reason: string
  actorUserId: string | null
  /**
   * Runs once the provider has answered, in the transaction that records its answer (the admin
   * writes its audit entry there): `accepted` false means nothing was refunded.
   */
  onSettled?: (tx: Transaction, refund: { refundId: number; accepted: boolean }) => Promise<void>
}
export type RefundResult = { ok: true; refundId: number } | { ok: false; error: string }

/**
 * Refunds all or part of a paid order, or a payment that arrived after its order was cancelled,
 * through its payment provider. The refund row is written
 * first, under a lock on the order, so two concurrent refunds can never add up to more than was
 * paid; the provider call carries the row's id as its idempotency key; the provider's answer
 * (accepted, or refused and the row marked failed) is then recorded with `onSettled`; the
 * order's status follows from the provider's events (refund.updated, charge.refunded), never
 * from this call.
 */
export async function refundOrder(input: RefundInput): Promise<RefundResult> {
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) return { ok: false, error: 'Enter an amount greater than zero.' }
  const reserved = await db.transaction(async (tx) => {
    const [order] = await tx
      .select({
        status: orders.status,
        paymentState: orders.paymentState,
        totalCents: orders.totalCents,
        taxCents: orders.taxCents,
        currency: orders.currency,
        paymentIntentId: orders.paymentIntentId,
        provider: orders.provider,
      })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update')
    if (!order) return { ok: false as const, error: 'That order does not exist.' }
    if (order.provider === 'free') return { ok: false as const, error: 'Nothing was paid for this order, so there is nothing to refund.' }
    if (!(isPaid(order.status) || paidAfterCancelling(order)) || !order.paymentIntentId) {
      return { ok: false as const, error: 'Only paid orders can be refunded.' }
    }
    const amounts = await refundableCents(input.orderId, tx)
    const refundable = amounts?.refundableCents ?? 0
    if (input.amountCents > refundable) {
      return {
        ok: false as const,
        error:
          refundable <= 0
            ? 'This order has already been refunded in full.'
            : `You can refund at most ${formatMoney(refundable, order.currency)} (paid ${formatMoney(order.totalCents, order.currency)}, already refunded or in progress ${formatMoney(amounts?.committedCents ?? 0, order.currency)}).`,
      }
    }
    // The tax this refund returns: its share of the order's tax, on top of what earlier refunds returned.
    const taxCents = refundTaxShare(order, amounts?.committedCents ?? 0, input.amountCents)
    const [refund] = await tx
      .insert(refunds)
      // A cancelled order's stock went back when it was cancelled.
      .values({ orderId: input.orderId, amountCents: input.amountCents, taxCents, restock: input.restock && order.status !== 'cancelled', reason: input.reason, createdByUserId: input.actorUserId })
      .returning({ id: refunds.id })
    if (!refund) throw new Error('refund row not written')
    return { ok: true as const, refundId: refund.id, paymentIntentId: order.paymentIntentId, provider: order.provider }
  })
  if (!reserved.ok) return reserved

  try {
    const { providerRefundId } = await providerFor(reserved.provider).createRefund({
      refundId: reserved.refundId,
      orderId: input.orderId,
      paymentIntentId: reserved.paymentIntentId,
      amountCents: input.amountCents,
    })
    await db.transaction(async (tx) => {
      await tx.update(refunds).set({ providerRefundId }).where(eq(refunds.id, reserved.refundId))
      await input.onSettled?.(tx, { refundId: reserved.refundId, accepted: true })
    })
    return { ok: true, refundId: reserved.refundId }
  } catch (error) {
    console.error('refund failed at the payment provider', { orderId: input.orderId, refundId: reserved.refundId, error })
    await db.transaction(async (tx) => {
      await tx
        .update(refunds)
        .set({ status: 'failed' })
        .where(and(eq(refunds.id, reserved.refundId), eq(refunds.status, 'pending')))
      await input.onSettled?.(tx, { refundId: reserved.refundId, accepted: false })
    })
    return { ok: false, error: 'The payment provider did not accept the refund. Nothing was refunded; please try again.' }
  }
}
