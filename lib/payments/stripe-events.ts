import 'server-only'
import type Stripe from 'stripe'
import type { ShippingAddress } from '@/db/schema/orders'
import type { PaymentEvent } from './types'

function idOf(value: string | { id: string } | null | undefined) {
  return typeof value === 'string' ? value : (value?.id ?? null)
}

function orderIdOf(session: Pick<Stripe.Checkout.Session, 'metadata' | 'client_reference_id'>) {
  const raw = session.metadata?.order_id ?? session.client_reference_id ?? ''
  return /^\d{1,10}$/.test(raw) ? Number(raw) : null
}

function shippingOf(session: Stripe.Checkout.Session): ShippingAddress | null {
  const details = session.collected_information?.shipping_details
  if (!details?.address) return null
  const { address } = details
  return {
    fullName: details.name ?? '',
    line1: address.line1 ?? '',
    line2: address.line2 ?? '',
    city: address.city ?? '',
    region: address.state ?? '',
    postalCode: address.postal_code ?? '',
    country: address.country ?? '',
    phone: session.customer_details?.phone ?? '',
  }
}

/** Maps the Stripe events we act on to our own PaymentEvent; null for every other type. */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent | null {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object
      return {
        type: 'checkout.completed',
        sessionId: session.id,
        orderId: orderIdOf(session),
        paid: session.payment_status === 'paid' || session.payment_status === 'no_payment_required',
        paymentIntentId: idOf(session.payment_intent),
        email: session.customer_details?.email ?? null,
        shippingAddress: shippingOf(session),
      }
    }
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object
      return { type: 'checkout.async_payment_succeeded', sessionId: session.id, orderId: orderIdOf(session), paymentIntentId: idOf(session.payment_intent) }
    }
    case 'checkout.session.async_payment_failed': {
      const session = event.data.object
      return { type: 'checkout.async_payment_failed', sessionId: session.id, orderId: orderIdOf(session) }
    }
    case 'checkout.session.expired': {
      const session = event.data.object
      return { type: 'checkout.expired', sessionId: session.id, orderId: orderIdOf(session) }
    }
    case 'charge.refunded': {
      const charge = event.data.object
      const paymentIntentId = idOf(charge.payment_intent)
      return paymentIntentId ? { type: 'charge.refunded', paymentIntentId, amountRefundedCents: charge.amount_refunded } : null
    }
    case 'refund.created':
    case 'refund.updated': {
      const refund = event.data.object
      const paymentIntentId = idOf(refund.payment_intent)
      if (!paymentIntentId) return null
      const status = refund.status === 'succeeded' || refund.status === 'failed' || refund.status === 'canceled' ? refund.status : 'pending'
      const refundId = /^\d{1,10}$/.test(refund.metadata?.refund_id ?? '') ? Number(refund.metadata?.refund_id) : null
      return { type: 'refund.updated', paymentIntentId, providerRefundId: refund.id, amountCents: refund.amount, status, refundId }
    }
    default:
      return null
  }
}
