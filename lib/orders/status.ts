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

/** Orders the shopper has paid for (refunds in part included): what counts as a purchase. */
export const PAID_ORDER_STATUSES = ['paid', 'shipped', 'delivered', 'partially_refunded'] as const satisfies readonly OrderStatus[]

export const orderStatusLabels: Record<OrderStatus, string> = {
  pending: 'Pending',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
}
