import 'server-only'
import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { orders, refunds } from '@/db/schema'
import type { ShippingAddress } from '@/db/schema/orders'
import { handleStripeEvent } from './events'
import { parseStripeEvent } from './stripe-events'
import type { PaymentProvider } from './types'

/**
 * The demo payment provider: a hosted-checkout look-alike at /checkout/demo/[sessionId] that moves
 * no money. Everything it decides reaches the shop as Stripe-shaped events through the same
 * handler and state machine as Stripe's webhooks.
 */

function demoId(prefix: string) {
  return `${prefix}_demo_${randomBytes(12).toString('hex')}`
}

function stripeShapedEvent(type: string, object: Record<string, unknown>) {
  return {
    id: demoId('evt'),
    object: 'event',
    api_version: null,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 0,
    request: null,
    type,
    data: { object },
  }
}

/** Hands a Stripe-shaped event to the same handler as Stripe's webhook, read with the same checks. */
async function handleDemoEvent(type: string, object: Record<string, unknown>) {
  const parsed = parseStripeEvent(stripeShapedEvent(type, object))
  if (!parsed.ok) throw new Error(`demo provider built a malformed event: ${parsed.error}`)
  return handleStripeEvent(parsed.event, 'demo')
}

function stripeShapedSession(
  order: { id: number; checkoutSessionId: string },
  fields: { status: 'open' | 'complete' | 'expired'; paid: boolean; paymentIntentId?: string | null; email?: string; shipping?: ShippingAddress | null },
) {
  return {
    id: order.checkoutSessionId,
    object: 'checkout.session',
    client_reference_id: String(order.id),
    metadata: { order_id: String(order.id) },
    status: fields.status,
    payment_status: fields.paid ? 'paid' : 'unpaid',
    payment_intent: fields.paymentIntentId ?? null,
    customer_details: fields.email ? { email: fields.email, phone: fields.shipping?.phone || null } : null,
    collected_information: fields.shipping
      ? {
          shipping_details: {
            name: fields.shipping.fullName,
            address: {
              line1: fields.shipping.line1,
              line2: fields.shipping.line2 || null,
              city: fields.shipping.city,
              state: fields.shipping.region || null,
              postal_code: fields.shipping.postalCode,
              country: fields.shipping.country,
            },
          },
        }
      : null,
  }
}

function demoCheckoutPath(sessionId: string) {
  return `/checkout/demo/${sessionId}`
}

async function demoOrder(sessionId: string) {
  const [order] = await db
    .select({ id: orders.id, status: orders.status, paymentState: orders.paymentState, expiresAt: orders.expiresAt, paymentIntentId: orders.paymentIntentId })
    .from(orders)
    .where(and(eq(orders.checkoutSessionId, sessionId), eq(orders.provider, 'demo')))
  return order ? { ...order, checkoutSessionId: sessionId } : null
}

/** The shopper paid with a test card that succeeds: the session completes, paid. */
export async function completeDemoCheckout(sessionId: string, details: { email: string; shipping: ShippingAddress }) {
  const order = await demoOrder(sessionId)
  if (!order) return
  const session = stripeShapedSession(order, { status: 'complete', paid: true, paymentIntentId: demoId('pi'), email: details.email, shipping: details.shipping })
  await handleDemoEvent('checkout.session.completed', session)
}

export async function expireDemoCheckout(sessionId: string) {
  const order = await demoOrder(sessionId)
  if (!order) return
  await handleDemoEvent('checkout.session.expired', stripeShapedSession(order, { status: 'expired', paid: false }))
}

export const demoProvider: PaymentProvider = {
  name: 'demo',

  minimumChargeCents: () => null,

  async createCheckoutSession() {
    const id = demoId('cs')
    // The demo page prefills the saved address itself; there is no customer to keep.
    return { id, url: demoCheckoutPath(id), providerCustomerId: null }
  },

  async retrieveCheckoutSession(sessionId) {
    const order = await demoOrder(sessionId)
    const paid = order?.paymentState === 'paid'
    const status = paid ? 'complete' : !order || order.status === 'cancelled' || order.expiresAt <= new Date() ? 'expired' : 'open'
    return { status, paid, paymentIntentId: order?.paymentIntentId ?? null, url: status === 'open' ? demoCheckoutPath(sessionId) : null }
  },

  expireCheckoutSession: expireDemoCheckout,

  async createRefund(request) {
    const providerRefundId = demoId('re')
    // The demo "bank" accepts every refund at once; the shop learns it from events, as with Stripe.
    const refund = {
      id: providerRefundId,
      object: 'refund',
      amount: request.amountCents,
      status: 'succeeded',
      payment_intent: request.paymentIntentId,
      metadata: { refund_id: String(request.refundId), order_id: String(request.orderId) },
    }
    await handleDemoEvent('refund.updated', refund)
    const [refunded] = await db
      .select({ total: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
      .from(refunds)
      .where(and(eq(refunds.orderId, request.orderId), eq(refunds.status, 'succeeded')))
    const charge = { id: demoId('ch'), object: 'charge', payment_intent: request.paymentIntentId, amount_refunded: refunded?.total ?? request.amountCents, refunded: true }
    await handleDemoEvent('charge.refunded', charge)
    return { providerRefundId }
  },
}
