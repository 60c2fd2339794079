import type { paymentProvider, ShippingAddress } from '@/db/schema/orders'

export type PaymentProviderName = (typeof paymentProvider.enumValues)[number]

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
      /** The session's amount_total and total_details.amount_tax, when Stripe sent them. */
      amountTotalCents: number | null
      amountTaxCents: number | null
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
  /** `taxCode`: the Stripe Tax product code of the line's category (null: the account's default). */
  lines: { name: string; unitPriceCents: number; quantity: number; imageUrl: string | null; taxCode?: string | null }[]
  shippingCents: number
  /** The chosen shipping method, shown on the payment page with its delivery estimate. */
  shippingMethod?: { name: string; minDeliveryDays: number; maxDeliveryDays: number } | null
  /** Countries the payment page may take a shipping address in (the destination's zone). */
  allowedCountries?: string[]
  /**
   * Tax: `automatic` lets Stripe Tax compute it on the payment page; otherwise `taxCents` (from
   * our rate table, added to the total when prices exclude tax) is charged as its own line.
   */
  tax?: { automatic: boolean; pricesIncludeTax: boolean; taxCents: number; label: string }
  /** Stripe's own page (a redirect) or Embedded Checkout on our /checkout page. */
  uiMode?: 'hosted' | 'embedded'
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
  /** What the session charged and the tax in it (Stripe Tax), once known. */
  amountTotalCents?: number | null
  amountTaxCents?: number | null
}

export type RefundRequest = { refundId: number; orderId: number; paymentIntentId: string; amountCents: number }

export interface PaymentProvider {
  name: PaymentProviderName
  /** The smallest total it can charge in a currency, in minor units; null when it has no floor. */
  minimumChargeCents(currency: string): number | null
  createCheckoutSession(input: CheckoutSessionInput): Promise<{ id: string; url: string; providerCustomerId: string | null }>
  /** The secret the browser mounts Embedded Checkout with (embedded sessions only). */
  embeddedClientSecret?(sessionId: string): Promise<string | null>
  retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionState>
  expireCheckoutSession(sessionId: string): Promise<void>
  /** Asks for a refund; its outcome arrives as events (refund.updated, charge.refunded). */
  createRefund(request: RefundRequest): Promise<{ providerRefundId: string }>
}
