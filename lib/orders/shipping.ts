import 'server-only'
import { eq } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { orders } from '@/db/schema'
import { enqueueJob } from '@/lib/jobs/queue'
import { type TransitionResult, transitionOrder } from './state-machine'

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
