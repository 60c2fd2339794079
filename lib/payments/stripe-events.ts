import 'server-only'
import { z } from 'zod'
import type { ShippingAddress } from '@/db/schema/orders'
import type { PaymentEvent } from './types'

/**
 * Stripe's events, read at the edge: a signed body is still checked to be a Stripe event before
 * anything uses it, and the objects of the types we act on are checked field by field, so a
 * malformed event is refused with a 400 instead of failing (and being redelivered) forever.
 */

const id = z.string().min(1).max(255)
/** A Stripe reference that may be expanded into its object. */
const reference = z.union([id, z.object({ id }), z.null()]).optional()
const metadata = z.record(z.string(), z.string()).nullish()
const nullableText = z.string().max(1_000).nullish()

const sessionSchema = z.object({
  id,
  metadata,
  client_reference_id: nullableText,
  payment_status: nullableText,
  payment_intent: reference,
  amount_total: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish(),
  total_details: z.object({ amount_tax: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish() }).nullish(),
  customer_details: z.object({ email: nullableText, phone: nullableText }).nullish(),
  collected_information: z
    .object({
      shipping_details: z
        .object({
          name: nullableText,
          address: z.object({ line1: nullableText, line2: nullableText, city: nullableText, state: nullableText, postal_code: nullableText, country: nullableText }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
})
const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
const chargeSchema = z.object({ payment_intent: reference, amount_refunded: cents })
const refundSchema = z.object({ id, payment_intent: reference, amount: cents, status: nullableText, metadata })

const envelopeSchema = z.object({
  id,
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
})

/** A Stripe event as the shop keeps it: its id and type, and what it means in our terms (null: a type we ignore). */
export type StripeEvent = { id: string; type: string; payment: PaymentEvent | null }

type Session = z.infer<typeof sessionSchema>
type Reference = z.infer<typeof reference>

function idOf(value: Reference) {
  return typeof value === 'string' ? value : (value?.id ?? null)
}

function numericId(raw: string | null | undefined) {
  return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : null
}

function orderIdOf(session: Session) {
  return numericId(session.metadata?.order_id ?? session.client_reference_id)
}

function shippingOf(session: Session): ShippingAddress | null {
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

/** Maps the object of an event type we act on to our own PaymentEvent; null for every other type. Throws a ZodError when the object is malformed. */
function toPaymentEvent(type: string, object: unknown): PaymentEvent | null {
  switch (type) {
    case 'checkout.session.completed': {
      const session = sessionSchema.parse(object)
      return {
        type: 'checkout.completed',
        sessionId: session.id,
        orderId: orderIdOf(session),
        paid: session.payment_status === 'paid' || session.payment_status === 'no_payment_required',
        paymentIntentId: idOf(session.payment_intent),
        email: session.customer_details?.email ?? null,
        shippingAddress: shippingOf(session),
        // What Stripe charged, tax included (Stripe Tax adds it on its page): recorded on the order.
        amountTotalCents: session.amount_total ?? null,
        amountTaxCents: session.total_details?.amount_tax ?? null,
      }
    }
    case 'checkout.session.async_payment_succeeded': {
      const session = sessionSchema.parse(object)
      return { type: 'checkout.async_payment_succeeded', sessionId: session.id, orderId: orderIdOf(session), paymentIntentId: idOf(session.payment_intent) }
    }
    case 'checkout.session.async_payment_failed': {
      const session = sessionSchema.parse(object)
      return { type: 'checkout.async_payment_failed', sessionId: session.id, orderId: orderIdOf(session) }
    }
    case 'checkout.session.expired': {
      const session = sessionSchema.parse(object)
      return { type: 'checkout.expired', sessionId: session.id, orderId: orderIdOf(session) }
    }
    case 'charge.refunded': {
      const charge = chargeSchema.parse(object)
      const paymentIntentId = idOf(charge.payment_intent)
      return paymentIntentId ? { type: 'charge.refunded', paymentIntentId, amountRefundedCents: charge.amount_refunded } : null
    }
    case 'refund.created':
    case 'refund.updated': {
      const refund = refundSchema.parse(object)
      const paymentIntentId = idOf(refund.payment_intent)
      if (!paymentIntentId) return null
      const status = refund.status === 'succeeded' || refund.status === 'failed' || refund.status === 'canceled' ? refund.status : 'pending'
      return { type: 'refund.updated', paymentIntentId, providerRefundId: refund.id, amountCents: refund.amount, status, refundId: numericId(refund.metadata?.refund_id) }
    }
    default:
      return null
  }
}

/** Checks that a (signed) body is a Stripe event the shop can read; the error says what is wrong, for the 400. */
export function parseStripeEvent(body: unknown): { ok: true; event: StripeEvent } | { ok: false; error: string } {
  const envelope = envelopeSchema.safeParse(body)
  if (!envelope.success) return { ok: false, error: `Not a Stripe event: ${z.prettifyError(envelope.error)}` }
  try {
    const { id: eventId, type, data } = envelope.data
    return { ok: true, event: { id: eventId, type, payment: toPaymentEvent(type, data.object) } }
  } catch (error) {
    if (error instanceof z.ZodError) return { ok: false, error: `Malformed ${envelope.data.type} event: ${z.prettifyError(error)}` }
    throw error
  }
}

/** A PaymentEvent stored to apply later (a refund waiting for its payment), read back with the same checks. */
const storedAddress = z.object({ fullName: z.string(), line1: z.string(), line2: z.string(), city: z.string(), region: z.string(), postalCode: z.string(), country: z.string(), phone: z.string() })
const rowId = z.number().int().positive().nullable()
export const paymentEventSchema: z.ZodType<PaymentEvent> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('checkout.completed'),
    sessionId: id,
    orderId: rowId,
    paid: z.boolean(),
    paymentIntentId: id.nullable(),
    email: z.string().nullable(),
    shippingAddress: storedAddress.nullable(),
    amountTotalCents: cents.nullable().default(null),
    amountTaxCents: cents.nullable().default(null),
  }),
  z.object({ type: z.literal('checkout.async_payment_succeeded'), sessionId: id, orderId: rowId, paymentIntentId: id.nullable() }),
  z.object({ type: z.literal('checkout.async_payment_failed'), sessionId: id, orderId: rowId }),
  z.object({ type: z.literal('checkout.expired'), sessionId: id, orderId: rowId }),
  z.object({ type: z.literal('charge.refunded'), paymentIntentId: id, amountRefundedCents: cents }),
  z.object({ type: z.literal('refund.updated'), paymentIntentId: id, providerRefundId: id, amountCents: cents, status: z.enum(['pending', 'succeeded', 'failed', 'canceled']), refundId: rowId }),
])
