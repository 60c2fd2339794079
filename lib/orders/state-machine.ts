import 'server-only'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { orderEvents, orderItems, orders } from '@/db/schema'
import { returnStock } from '@/lib/inventory/stock'
import { releasePromotionUses } from '@/lib/promotions/redemptions'
import { canTransition, type OrderActor, type OrderStatus, orderStatusLabels } from './status'

export type TransitionInput = {
  orderId: number
  to: OrderStatus
  actor: OrderActor
  actorUserId?: string | null
  note?: string
}

export type TransitionResult = { ok: true; from: OrderStatus; to: OrderStatus } | { ok: false; from: OrderStatus | null; error: string }

/**
 * The one way an order's status changes. Locks the order row, refuses transitions the lifecycle
 * does not allow, and writes the timeline event (and, for a cancellation, returns the reserved
 * stock and the promotion uses) in the caller's transaction, so the change and its history never part.
 */
export async function transitionOrder(tx: Executor, input: TransitionInput): Promise<TransitionResult> {
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, input.orderId)).for('update')
  if (!order) return { ok: false, from: null, error: 'That order does not exist.' }
  const from = order.status
  if (!canTransition(from, input.to)) {
    return { ok: false, from, error: `An order that is ${orderStatusLabels[from].toLowerCase()} cannot be marked ${orderStatusLabels[input.to].toLowerCase()}.` }
  }
  await tx
    .update(orders)
    .set({ status: input.to, ...(input.to === 'paid' ? { paidAt: sql`coalesce(${orders.paidAt}, now())` } : {}) })
    .where(eq(orders.id, input.orderId))
  await tx.insert(orderEvents).values({
    orderId: input.orderId,
    fromStatus: from,
    toStatus: input.to,
    actor: input.actor,
    actorUserId: input.actorUserId ?? null,
    note: input.note ?? '',
  })
  if (input.to === 'cancelled') {
    await releaseOrderStock(tx, input.orderId, 'release', 'Order cancelled')
    // An unpaid order cancelled or expired gives its promotion uses back.
    await releasePromotionUses(tx, input.orderId)
  }
  return { ok: true, from, to: input.to }
}

/**
 * Puts an order's items back in stock, once: later calls find `stock_released_at` set and do
 * nothing. The inventory writes the stock and its movements.
 */
export async function releaseOrderStock(tx: Executor, orderId: number, reason: 'release' | 'restock', note = '') {
  const [claimed] = await tx
    .update(orders)
    .set({ stockReleasedAt: sql`now()` })
    .where(and(eq(orders.id, orderId), isNull(orders.stockReleasedAt)))
    .returning({ id: orders.id })
  if (!claimed) return false
  // Items a return already put back on the shelf (lib/returns) are not put back a second time.
  const restockedByReturns = sql<number>`coalesce((select sum(ri.quantity) from return_items ri where ri.order_item_id = ${orderItems.id} and ri.restock), 0)`
  const items = await tx
    .select({ variantId: orderItems.variantId, quantity: sql<number>`sum(${orderItems.quantity} - ${restockedByReturns})::int` })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .groupBy(orderItems.variantId)
    .orderBy(asc(orderItems.variantId))
  await returnStock(tx, items, reason, { orderId, note })
  return true
}
