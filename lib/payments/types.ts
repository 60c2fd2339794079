import type { ShippingAddress } from '@/db/schema/orders'

/**
 * Payment provider events in our own terms. Stripe's webhook events and the demo provider's
 * Stripe-shaped events are both mapped to these at the edge (lib/payments/stripe-events.ts).
 */
export type PaymentEvent =
  | {
      type: 'checkout.completed'
      sessionId: string
      orderId: number | null
      paid: boolean
      paymentIntentId: string | null
      email: string | null
      shippingAddress: ShippingAddress | null
    }
  | { type: 'checkout.async_payment_succeeded'; sessionId: string; orderId: number | null; paymentIntentId: string | null }
  | { type: 'checkout.async_payment_failed'; sessionId: string; orderId: number | null }
  | { type: 'checkout.expired'; sessionId: string; orderId: number | null }
  | { type: 'charge.refunded'; paymentIntentId: string; amountRefundedCents: number }
  | {
      type: 'refund.updated'
      paymentIntentId: string
      providerRefundId: string
      amountCents: number
      status: 'pending' | 'succeeded' | 'failed' | 'canceled'
      refundId: number | null
    }

export type CheckoutCustomer = {
  userId: string
  /** The provider's customer for this shopper, when one was made at an earlier checkout. */
  providerCustomerId: string | null
  name: string | null
  /** The shopper's saved default address, to prefill the payment page. */
  shipping: ShippingAddress
}

export type CheckoutSessionInput = {
  orderId: number
  email: string
  customer: CheckoutCustomer | null
  currency: string
  lines: { name: string; unitPriceCents: number; quantity: number; imageUrl: string | null }[]
  shippingCents: number
  expiresAt: Date
  successUrl: string
  cancelUrl: string
}

export type CheckoutSessionState = {
  status: 'open' | 'complete' | 'expired'
  paid: boolean
  paymentIntentId: string | null
  /** Where the shopper pays, while the session is open (a retry goes back to it). */
  url: string | null
}

export type RefundRequest = { refundId: number; orderId: number; paymentIntentId: string; amountCents: number }

export interface PaymentProvider {
  name: 'stripe' | 'demo'
  createCheckoutSession(input: CheckoutSessionInput): Promise<{ id: string; url: string; providerCustomerId: string | null }>
  retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionState>
  expireCheckoutSession(sessionId: string): Promise<void>
  /** Asks for a refund; its outcome arrives as events (refund.updated, charge.refunded). */
  createRefund(request: RefundRequest): Promise<{ providerRefundId: string }>
}
