import 'server-only'
import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { db } from '@/db/client'
import { orders } from '@/db/schema'
import type { ShippingAddress } from '@/db/schema/orders'
import { handleStripeEvent } from './events'
import { parseStripeEvent } from './stripe-events'
import type { CheckoutSessionState } from './types'

/**
 * Checkout pages the shop runs itself: the demo provider's card page and the confirmation page of
 * an order that comes to nothing. They look like a hosted checkout to the rest of the shop: a
 * session id in the URL, and outcomes that reach the order only as Stripe-shaped events through
 * the same handler and state machine as Stripe's webhooks.
 */
export type LocalProvider = 'demo' | 'free'

export function localId(prefix: string, provider: LocalProvider) {
  return `${prefix}_${provider}_${randomBytes(12).toString('hex')}`
}

export function localCheckoutPath(provider: LocalProvider, sessionId: string) {
  return `/checkout/${provider}/${sessionId}`
}

/** Hands a Stripe-shaped event to the same handler as Stripe's webhook, read with the same checks. */
export async function handleLocalEvent(provider: LocalProvider, type: string, object: Record<string, unknown>) {
  const event = {
    id: localId('evt', provider),
    object: 'event',
    api_version: null,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 0,
    request: null,
    type,
    data: { object },
  }
  const parsed = parseStripeEvent(event)
  if (!parsed.ok) throw new Error(`${provider} checkout built a malformed event: ${parsed.error}`)
  return handleStripeEvent(parsed.event, provider)
}

type PaymentStatus = 'paid' | 'unpaid' | 'no_payment_required'

function stripeShapedSession(
  order: { id: number; checkoutSessionId: string },
  fields: { status: 'open' | 'complete' | 'expired'; paymentStatus: PaymentStatus; paymentIntentId?: string | null; email?: string; shipping?: ShippingAddress | null },
) {
  return {
    id: order.checkoutSessionId,
    object: 'checkout.session',
    client_reference_id: String(order.id),
    metadata: { order_id: String(order.id) },
    status: fields.status,
    payment_status: fields.paymentStatus,
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

async function localOrder(provider: LocalProvider, sessionId: string) {
  const [order] = await db
    .select({ id: orders.id, status: orders.status, paymentState: orders.paymentState, expiresAt: orders.expiresAt, paymentIntentId: orders.paymentIntentId })
    .from(orders)
    .where(and(eq(orders.checkoutSessionId, sessionId), eq(orders.provider, provider)))
  return order ? { ...order, checkoutSessionId: sessionId } : null
}

/**
 * The shopper finished the page: paid with a demo card that succeeds, or confirmed an order with
 * nothing to pay. The session completes with the address they gave.
 */
export async function completeLocalCheckout(provider: LocalProvider, sessionId: string, details: { email: string; shipping: ShippingAddress }) {
  const order = await localOrder(provider, sessionId)
  if (!order) return
  const session = stripeShapedSession(order, {
    status: 'complete',
    paymentStatus: provider === 'free' ? 'no_payment_required' : 'paid',
    paymentIntentId: provider === 'free' ? null : localId('pi', provider),
    email: details.email,
    shipping: details.shipping,
  })
  await handleLocalEvent(provider, 'checkout.session.completed', session)
}

export async function expireLocalCheckout(provider: LocalProvider, sessionId: string) {
  const order = await localOrder(provider, sessionId)
  if (!order) return
  await handleLocalEvent(provider, 'checkout.session.expired', stripeShapedSession(order, { status: 'expired', paymentStatus: 'unpaid' }))
}

/**
 * Why a local checkout can no longer be paid, as the shopper reads it: its hold ran out, or its
 * order was cancelled before that (by the shop, by a newer checkout of the cart, a failed payment).
 */
export function closedCheckoutReason(order: { status: string; expiresAt: Date }) {
  return order.status === 'cancelled' && order.expiresAt > new Date() ? 'This checkout is closed: its order was cancelled' : 'This checkout has expired'
}

/** What a retry finds of a local session: open while its order is pending and its hold lasts. */
export async function localSessionState(provider: LocalProvider, sessionId: string): Promise<CheckoutSessionState> {
  const order = await localOrder(provider, sessionId)
  const paid = order?.paymentState === 'paid'
  const status = paid ? 'complete' : !order || order.status === 'cancelled' || order.expiresAt <= new Date() ? 'expired' : 'open'
  return { status, paid, paymentIntentId: order?.paymentIntentId ?? null, url: status === 'open' ? localCheckoutPath(provider, sessionId) : null }
}
