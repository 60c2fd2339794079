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
    const [current] = await tx.select({ status: orders.status, paymentState: orders.paymentState }).from(orders).where(eq(orders.id, input.orderId)).for('update')
    if (current?.status === 'pending' && (current.paymentState === 'paid' || current.paymentState === 'processing')) return { ok: false as const, error: PAID_MEANWHILE }
    const moved = await transitionOrder(tx, { orderId: input.orderId, to: 'cancelled', actor: input.actor, actorUserId: input.actorUserId, note: input.note })
    if (!moved.ok) return moved
    await input.onCancelled?.(tx, moved.from)
    return { ok: true as const, from: moved.from, released: await releasedProducts(tx, input.orderId) }
  })
  if (!result.ok) return { ok: false, error: result.error }
  invalidateProducts(result.released.slugs, input.from, result.released.backOnSale)

  if (pageOpen && order.checkoutSessionId) {
    // It expires on its own at the order's expiry; a payment made on it before then is flagged for a refund.
    await provider.expireCheckoutSession(order.checkoutSessionId).catch((error: unknown) => console.error('could not close the payment page of a cancelled order', { orderId: input.orderId, error }))
  }
  return { ok: true, from: result.from }
}
