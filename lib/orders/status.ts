import type { orderStatus, paymentState } from '@/db/schema/orders'

export type OrderStatus = (typeof orderStatus.enumValues)[number]
export type PaymentState = (typeof paymentState.enumValues)[number]
export type OrderActor = 'customer' | 'admin' | 'stripe' | 'demo' | 'system'

/**
 * The order lifecycle. A partially refunded order can be refunded again (partially or in full);
 * cancelled and refunded orders are final.
 */
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['shipped', 'partially_refunded', 'refunded'],
  shipped: ['delivered', 'partially_refunded', 'refunded'],
  delivered: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  cancelled: [],
  refunded: [],
}

export function canTransition(from: OrderStatus, to: OrderStatus) {
  return orderTransitions[from].includes(to)
}

/**
 * Orders the shopper has paid for and kept, in whole or in part: what counts as a purchase (a
 * verified review, "customers also bought"), as a sale (the dashboard) and as refundable. A fully
 * refunded or cancelled order is none of these. The one definition; import it, never restate it.
 */
export const PAID_STATUSES = ['paid', 'shipped', 'delivered', 'partially_refunded'] as const satisfies readonly OrderStatus[]
export type PaidStatus = (typeof PAID_STATUSES)[number]

export function isPaid(status: OrderStatus): status is PaidStatus {
  return (PAID_STATUSES as readonly OrderStatus[]).includes(status)
}

/** Refund states that hold money back from being refunded again: done, or still with the provider. */
export const COMMITTED_REFUND_STATUSES = ['pending', 'succeeded'] as const

/** A payment that arrived after its order was cancelled (it raced the expiry): the money is kept until refunded. */
export function paidAfterCancelling(order: { status: OrderStatus; paymentState: PaymentState }) {
  return order.status === 'cancelled' && order.paymentState === 'paid'
}

/** What can still be refunded: what was paid, less refunds that succeeded or are in progress. */
export function refundableAmount(order: { status: OrderStatus; paymentState: PaymentState; totalCents: number }, committedRefundCents: number) {
  return isPaid(order.status) || paidAfterCancelling(order) ? Math.max(0, order.totalCents - committedRefundCents) : 0
}

export const orderStatusLabels: Record<OrderStatus, string> = {
  pending: 'Pending',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
}
