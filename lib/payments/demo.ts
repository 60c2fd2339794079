import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { refunds } from '@/db/schema'
import type { ShippingAddress } from '@/db/schema/orders'
import { completeLocalCheckout, expireLocalCheckout, handleLocalEvent, localCheckoutPath, localId, localSessionState } from './local-checkout'
import type { PaymentProvider } from './types'

/**
 * The demo payment provider: a hosted-checkout look-alike at /checkout/demo/[sessionId] that moves
 * no money (lib/payments/local-checkout.ts).
 */

/** The shopper paid with a test card that succeeds: the session completes, paid. */
export function completeDemoCheckout(sessionId: string, details: { email: string; shipping: ShippingAddress }) {
  return completeLocalCheckout('demo', sessionId, details)
}

export function expireDemoCheckout(sessionId: string) {
  return expireLocalCheckout('demo', sessionId)
}

export const demoProvider: PaymentProvider = {
  name: 'demo',

  minimumChargeCents: () => null,

  async createCheckoutSession() {
    const id = localId('cs', 'demo')
    // The demo page prefills the saved address itself; there is no customer to keep.
    return { id, url: localCheckoutPath('demo', id), providerCustomerId: null }
  },

  retrieveCheckoutSession: (sessionId) => localSessionState('demo', sessionId),

  expireCheckoutSession: expireDemoCheckout,

  async createRefund(request) {
    const providerRefundId = localId('re', 'demo')
    // The demo "bank" accepts every refund at once; the shop learns it from events, as with Stripe.
    const refund = {
      id: providerRefundId,
      object: 'refund',
      amount: request.amountCents,
      status: 'succeeded',
      payment_intent: request.paymentIntentId,
      metadata: { refund_id: String(request.refundId), order_id: String(request.orderId) },
    }
    await handleLocalEvent('demo', 'refund.updated', refund)
    const [refunded] = await db
      .select({ total: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
      .from(refunds)
      .where(and(eq(refunds.orderId, request.orderId), eq(refunds.status, 'succeeded')))
    const charge = { id: localId('ch', 'demo'), object: 'charge', payment_intent: request.paymentIntentId, amount_refunded: refunded?.total ?? request.amountCents, refunded: true }
    await handleLocalEvent('demo', 'charge.refunded', charge)
    return { providerRefundId }
  },
}
