import 'server-only'
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm'
import { db, type Transaction } from '@/db/client'
import { orderEvents, orderItems, orders, paymentEvents, refunds } from '@/db/schema'
import { removeBoughtFromCart } from '@/lib/cart/cart'
import { invalidateProducts } from '@/lib/catalog/cache'
import { enqueueJob } from '@/lib/jobs/queue'
import { formatMoney } from '@/lib/money'
import { releasedProducts } from '@/lib/orders/queries'
import { releaseOrderStock, transitionOrder } from '@/lib/orders/state-machine'
import { noteTaxedElsewhere, recordStripeTax } from '@/lib/orders/tax'
import { isPaid, type OrderActor } from '@/lib/orders/status'
import { paymentEventSchema, type StripeEvent } from './stripe-events'
import type { PaymentEvent, PaymentProviderName } from './types'

/** Who the order's timeline says moved it: the provider, or the shopper who confirmed an order with nothing to pay. */
function actorOf(provider: PaymentProviderName): OrderActor {
  return provider === 'free' ? 'customer' : provider
}
export type EventOutcome = 'processed' | 'duplicate' | 'ignored'

/**
 * Handles one Stripe (or Stripe-shaped demo) event: records its id and applies it in one
 * transaction, so a redelivered or concurrent duplicate is a no-op and a failure leaves nothing
 * half-applied (the provider redelivers it). Events only record facts (paid, expired, refunded…);
 * `settleOrder` derives the status from those facts, so the order converges whatever the order
 * of arrival.
 */
export async function handleStripeEvent(event: StripeEvent, provider: PaymentProviderName): Promise<EventOutcome> {
  const paymentEvent = event.payment
  const result = await db.transaction(async (tx) => {
    const [recorded] = await tx.insert(paymentEvents).values({ id: event.id, provider, type: event.type }).onConflictDoNothing().returning({ id: paymentEvents.id })
    if (!recorded) return { outcome: 'duplicate' as const, released: null }
    if (!paymentEvent) return { outcome: 'ignored' as const, released: null }
    const applied = await applyPaymentEvent(tx, paymentEvent, actorOf(provider))
    if (!applied) {
      if (paymentEvent.type === 'charge.refunded' || paymentEvent.type === 'refund.updated') {
        // Its payment may not be matched to an order yet (events arrive in any order): keep it for then.
        await tx.update(paymentEvents).set({ paymentIntentId: paymentEvent.paymentIntentId, deferred: paymentEvent }).where(eq(paymentEvents.id, event.id))
      } else {
        console.warn('payment event for an unknown order', { id: event.id, type: event.type })
      }
      return { outcome: 'ignored' as const, released: null }
    }
    await tx.update(paymentEvents).set({ orderId: applied.orderId }).where(eq(paymentEvents.id, event.id))
    return { outcome: 'processed' as const, released: applied.stockChanged ? await releasedProducts(tx, applied.orderId) : null }
  })
  if (result.released) invalidateProducts(result.released.slugs, 'background', result.released.backOnSale)
  return result.outcome
}

async function findOrderId(tx: Transaction, event: PaymentEvent): Promise<number | null> {
  if (event.type === 'charge.refunded' || event.type === 'refund.updated') {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.paymentIntentId, event.paymentIntentId)).limit(1)
    if (order) return order.id
    if (event.type === 'refund.updated' && event.refundId !== null) {
      const [refund] = await tx.select({ orderId: refunds.orderId }).from(refunds).where(eq(refunds.id, event.refundId))
      return refund?.orderId ?? null
    }
    return null
  }
  // The session id must match too: metadata alone could name any order.
  const [order] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(event.orderId !== null ? and(eq(orders.id, event.orderId), eq(orders.checkoutSessionId, event.sessionId)) : eq(orders.checkoutSessionId, event.sessionId))
    .limit(1)
  return order?.id ?? null
}

/** Applies one event's facts to its order and settles the status. Null when no order matches. */
export async function applyPaymentEvent(tx: Transaction, event: PaymentEvent, actor: OrderActor) {
  const orderId = await findOrderId(tx, event)
  if (orderId === null) return null
  const [order] = await tx
    .select({ status: orders.status, paymentState: orders.paymentState, refundedCents: orders.refundedCents, totalCents: orders.totalCents, stockReleasedAt: orders.stockReleasedAt })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update')
  if (!order) return null
  const releasedBefore = order.stockReleasedAt !== null

  switch (event.type) {
    case 'checkout.completed':
      await tx
        .update(orders)
        .set({
          paymentIntentId: sql`coalesce(${event.paymentIntentId}, ${orders.paymentIntentId})`,
          ...(event.shippingAddress ? { shippingAddress: event.shippingAddress } : {}),
          // Never step back: an async success may have arrived first.
          ...(event.paid ? { paymentState: 'paid' as const } : order.paymentState === 'unpaid' ? { paymentState: 'processing' as const } : {}),
        })
        .where(eq(orders.id, orderId))
      await recordStripeTax(tx, orderId, event)
      break
    case 'checkout.async_payment_succeeded':
      await tx
        .update(orders)
        .set({ paymentState: 'paid', paymentIntentId: sql`coalesce(${event.paymentIntentId}, ${orders.paymentIntentId})` })
        .where(eq(orders.id, orderId))
      break
    case 'checkout.async_payment_failed':
      if (order.paymentState !== 'paid') {
        await tx.update(orders).set({ paymentState: 'failed' }).where(eq(orders.id, orderId))
        if (order.status === 'pending') await transitionOrder(tx, { orderId, to: 'cancelled', actor, note: 'The payment failed.' })
      }
      break
    case 'checkout.expired':
      if (order.status === 'pending' && order.paymentState !== 'paid') {
        await transitionOrder(tx, { orderId, to: 'cancelled', actor, note: 'Checkout expired before payment; the reserved stock is back on sale.' })
      }
      break
    case 'charge.refunded':
      await tx
        .update(orders)
        .set({ refundedCents: sql`greatest(${orders.refundedCents}, least(${event.amountRefundedCents}, ${orders.totalCents}))` })
        .where(eq(orders.id, orderId))
      break
    case 'refund.updated':
      await recordRefund(tx, orderId, event)
      break
  }
  await settleOrder(tx, orderId, actor, order.refundedCents)
  if (event.type === 'checkout.completed' && event.shippingAddress) await noteTaxedElsewhere(tx, orderId, event.shippingAddress)
  if (event.type === 'checkout.completed' || event.type === 'checkout.async_payment_succeeded') await applyDeferredEvents(tx, orderId, actor)
  const [after] = await tx.select({ stockReleasedAt: orders.stockReleasedAt }).from(orders).where(eq(orders.id, orderId))
  return { orderId, stockChanged: !releasedBefore && after?.stockReleasedAt != null }
}

/** Refund events that came before the payment was matched to this order, applied now in arrival order. */
async function applyDeferredEvents(tx: Transaction, orderId: number, actor: OrderActor) {
  const [order] = await tx.select({ paymentIntentId: orders.paymentIntentId }).from(orders).where(eq(orders.id, orderId))
  if (!order?.paymentIntentId) return
  const waiting = await tx
    .select({ id: paymentEvents.id, deferred: paymentEvents.deferred })
    .from(paymentEvents)
    .where(and(eq(paymentEvents.paymentIntentId, order.paymentIntentId), isNotNull(paymentEvents.deferred)))
    .orderBy(asc(paymentEvents.receivedAt))
  for (const row of waiting) {
    await tx.update(paymentEvents).set({ deferred: null, orderId }).where(eq(paymentEvents.id, row.id))
    // Stored JSON is read back with the same checks as a live event; one that no longer parses is logged and dropped.
    const deferred = paymentEventSchema.safeParse(row.deferred)
    if (!deferred.success) {
      console.error('deferred payment event is malformed; skipped', { id: row.id, error: deferred.error.message })
      continue
    }
    await applyPaymentEvent(tx, deferred.data, actor)
  }
}

async function recordRefund(tx: Transaction, orderId: number, event: Extract<PaymentEvent, { type: 'refund.updated' }>) {
  const [ours] =
    event.refundId !== null
      ? await tx
          .select({ id: refunds.id })
          .from(refunds)
          .where(and(eq(refunds.id, event.refundId), eq(refunds.orderId, orderId)))
      : await tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.providerRefundId, event.providerRefundId))
  if (ours) {
    await tx.update(refunds).set({ status: event.status, providerRefundId: event.providerRefundId }).where(eq(refunds.id, ours.id))
  } else {
    // Made outside the shop (the Stripe dashboard): record it so the order adds up.
    await tx
      .insert(refunds)
      .values({ orderId, amountCents: event.amountCents, status: event.status, providerRefundId: event.providerRefundId, reason: 'Refunded at the payment provider' })
      .onConflictDoUpdate({ target: refunds.providerRefundId, set: { status: event.status } })
  }
  const [succeeded] = await tx
    .select({ total: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), eq(refunds.status, 'succeeded')))
  await tx
    .update(orders)
    .set({ refundedCents: sql`greatest(${orders.refundedCents}, least(${succeeded?.total ?? 0}, ${orders.totalCents}))` })
    .where(eq(orders.id, orderId))
}

/**
 * Derives the status from the facts: a paid pending order becomes paid (queueing the confirmation
 * mail and emptying the bought lines from the cart); refunded money makes it partially refunded or
 * refunded (returning stock when a refund asked for it). Safe to call any number of times.
 */
async function settleOrder(tx: Transaction, orderId: number, actor: OrderActor, refundedBefore: number) {
  const [order] = await tx
    .select({ status: orders.status, paymentState: orders.paymentState, refundedCents: orders.refundedCents, totalCents: orders.totalCents, currency: orders.currency, cartId: orders.cartId })
    .from(orders)
    .where(eq(orders.id, orderId))
  if (!order) return
  let status = order.status

  if (order.paymentState === 'paid' && status === 'pending') {
    await transitionOrder(tx, { orderId, to: 'paid', actor, note: order.totalCents === 0 ? 'Confirmed by the shopper; nothing to pay.' : 'Payment received.' })
    status = 'paid'
    await enqueueJob(tx, { kind: 'mail.order-confirmation', payload: { orderId }, dedupeKey: `order-confirmation:${orderId}` })
    if (order.cartId) {
      const bought = await tx.select({ variantId: orderItems.variantId }).from(orderItems).where(eq(orderItems.orderId, orderId))
      await removeBoughtFromCart(
        tx,
        order.cartId,
        bought.map((item) => item.variantId),
      )
    }
  } else if (order.paymentState === 'paid' && status === 'cancelled') {
    // Paid after it was cancelled (a payment that raced the expiry): the merchant must refund it.
    const [noted] = await tx
      .select({ id: orderEvents.id })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, orderId), sql`${orderEvents.note} like 'Payment received after%'`))
    if (!noted) {
      await tx.insert(orderEvents).values({ orderId, fromStatus: status, toStatus: status, actor, note: 'Payment received after the order was cancelled: refund it.' })
    }
    // Cancelled is final: the refund of that payment is written on the timeline only.
    if (order.refundedCents !== refundedBefore) {
      const note = `Refunded ${formatMoney(order.refundedCents, order.currency)} of ${formatMoney(order.totalCents, order.currency)}.`
      await tx.insert(orderEvents).values({ orderId, fromStatus: status, toStatus: status, actor, note })
    }
  }

  if (!isPaid(status) || order.refundedCents === 0) return
  const target = order.refundedCents >= order.totalCents ? 'refunded' : 'partially_refunded'
  if (target !== status || order.refundedCents !== refundedBefore) {
    await transitionOrder(tx, {
      orderId,
      to: target,
      actor,
      note: `Refunded ${formatMoney(order.refundedCents, order.currency)} of ${formatMoney(order.totalCents, order.currency)}.`,
    })
  }
  if (target === 'refunded') {
    const [restock] = await tx
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.orderId, orderId), eq(refunds.restock, true), eq(refunds.status, 'succeeded')))
      .limit(1)
    if (restock) await releaseOrderStock(tx, orderId, 'restock', 'Refunded and restocked')
  }
}
