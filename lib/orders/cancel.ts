import 'server-only'
import { eq } from 'drizzle-orm'
import { db, type Transaction } from '@/db/client'
import { orders } from '@/db/schema'
import { invalidateProducts } from '@/lib/catalog/cache'
import { providerFor } from '@/lib/payments/provider'
import { releasedProducts } from './queries'
import { transitionOrder } from './state-machine'
import type { OrderActor, OrderStatus } from './status'

export type CancelResult = { ok: true; from: OrderStatus } | { ok: false; error: string }

const PAID_MEANWHILE = 'The customer has just paid for this order, so it was not cancelled. It shows as paid in a moment; refund it then if it must not go out.'

/**
 * In the caller's transaction, with the order's row locked: cancels it through the state machine
 * (its stock goes back) unless a payment reached it meanwhile, and says which products got stock
 * back, for their cached pages.
 */
export async function cancelPendingOrder(
  tx: Transaction,
  change: { orderId: number; actor: OrderActor; actorUserId?: string | null; note?: string },
): Promise<{ ok: true; from: OrderStatus; released: { slugs: string[]; backOnSale: boolean } } | { ok: false; error: string }> {
  const [current] = await tx.select({ status: orders.status, paymentState: orders.paymentState }).from(orders).where(eq(orders.id, change.orderId)).for('update')
  if (current?.status === 'pending' && (current.paymentState === 'paid' || current.paymentState === 'processing')) return { ok: false, error: PAID_MEANWHILE }
  const moved = await transitionOrder(tx, { orderId: change.orderId, to: 'cancelled', actor: change.actor, actorUserId: change.actorUserId, note: change.note })
  if (!moved.ok) return { ok: false, error: moved.error }
  return { ok: true, from: moved.from, released: await releasedProducts(tx, change.orderId) }
}

/**
 * Cancels an order nobody has paid for: the state machine cancels it and puts its stock back, and
 * its payment page is closed at the provider right after, so it can no longer be paid. A payment
 * already completed at the provider stops the cancellation (its event will mark the order paid);
 * one landing between the two steps is caught by the payment events, which note on the order that
 * it must be refunded. Cancelled before the page is closed, so the timeline and the audit say who
 * cancelled: closing a demo page first would cancel the order as an expired checkout.
 */
export async function cancelUnpaidOrder(input: {
  orderId: number
  actor: OrderActor
  actorUserId?: string | null
  note?: string
  from: 'action' | 'background'
  /** Runs in the cancelling transaction (the admin's audit entry). */
  onCancelled?: (tx: Transaction, from: OrderStatus) => Promise<void>
}): Promise<CancelResult> {
  const [order] = await db.select({ status: orders.status, provider: orders.provider, checkoutSessionId: orders.checkoutSessionId }).from(orders).where(eq(orders.id, input.orderId))
  if (!order) return { ok: false, error: 'That order does not exist.' }
  const provider = providerFor(order.provider)
  let pageOpen = false
  if (order.status === 'pending' && order.checkoutSessionId) {
    try {
      const session = await provider.retrieveCheckoutSession(order.checkoutSessionId)
      if (session.status === 'complete') return { ok: false, error: PAID_MEANWHILE }
      pageOpen = session.status === 'open'
    } catch (error) {
      console.error('could not check a payment before cancelling its order', { orderId: input.orderId, error })
      return { ok: false, error: 'The payment provider could not be reached to check this order’s payment, so nothing was cancelled. Please try again in a moment.' }
    }
  }

  const result = await db.transaction(async (tx) => {
    const cancelled = await cancelPendingOrder(tx, input)
    if (cancelled.ok) await input.onCancelled?.(tx, cancelled.from)
    return cancelled
  })
  if (!result.ok) return { ok: false, error: result.error }
  invalidateProducts(result.released.slugs, input.from, result.released.backOnSale)

  if (pageOpen && order.checkoutSessionId) {
    // It expires on its own at the order's expiry; a payment made on it before then is flagged for a refund.
    await provider.expireCheckoutSession(order.checkoutSessionId).catch((error: unknown) => console.error('could not close the payment page of a cancelled order', { orderId: input.orderId, error }))
  }
  return { ok: true, from: result.from }
}
