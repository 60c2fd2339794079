import 'server-only'
import { eq } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { orderEvents, orders } from '@/db/schema'
import type { ShippingAddress } from '@/db/schema/orders'
import { enqueueJob } from '@/lib/jobs/queue'
import { type TransitionResult, transitionOrder } from './state-machine'
import { noteTaxedElsewhere } from './tax'

/**
 * Ships an order: the state machine moves it to shipped (refusing any other status), the carrier
 * and tracking number are stored, and the shopper's email is queued, all in the caller's
 * transaction, so the order, its timeline and the mail never part.
 */
export async function shipOrder(tx: Executor, input: { orderId: number; carrier: string; trackingNumber: string; actorUserId: string | null }): Promise<TransitionResult> {
  const moved = await transitionOrder(tx, { orderId: input.orderId, to: 'shipped', actor: 'admin', actorUserId: input.actorUserId, note: `${input.carrier} ${input.trackingNumber}` })
  if (!moved.ok) return moved
  await tx.update(orders).set({ shippingCarrier: input.carrier, trackingNumber: input.trackingNumber }).where(eq(orders.id, input.orderId))
  await enqueueJob(tx, { kind: 'mail.order-shipped', payload: { orderId: input.orderId }, dedupeKey: `order-shipped:${input.orderId}` })
  return moved
}

/**
 * The merchant corrects where a paid order goes, before it ships (a typo, a shopper who moved).
 * The timeline says so; an address taxed otherwise than the order was priced gets the same note as
 * one Stripe took (lib/orders/tax.ts), for the merchant to settle.
 */
export async function correctShippingAddress(tx: Executor, input: { orderId: number; address: ShippingAddress; actorUserId: string }) {
  const [order] = await tx.select({ status: orders.status, before: orders.shippingAddress }).from(orders).where(eq(orders.id, input.orderId)).for('update')
  if (!order) return { ok: false as const, error: 'That order does not exist.' }
  if (order.status !== 'paid') {
    return {
      ok: false as const,
      error: order.status === 'pending' ? 'The shopper gives the address when paying: it can be corrected once the order is paid.' : 'Only an order that has not shipped yet can change address.',
    }
  }
  await tx.update(orders).set({ shippingAddress: input.address }).where(eq(orders.id, input.orderId))
  await tx.insert(orderEvents).values({ orderId: input.orderId, fromStatus: 'paid', toStatus: 'paid', actor: 'admin', actorUserId: input.actorUserId, note: 'Shipping address corrected.' })
  await noteTaxedElsewhere(tx, input.orderId, input.address)
  return { ok: true as const, before: order.before }
}
