import 'server-only'
import type Stripe from 'stripe'
import { shippingCountries } from '@/lib/account/validation'
import { stripeClient } from './stripe-client'
import type { CheckoutCustomer, PaymentProvider } from './types'

type AllowedCountry = Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry

/** Creates the shopper's Stripe Customer once (idempotent per user), or refreshes its address. */
async function customerWithAddress(email: string, customer: CheckoutCustomer) {
  const { shipping } = customer
  const fields = {
    email,
    name: customer.name ?? shipping.fullName,
    shipping: {
      name: shipping.fullName,
      phone: shipping.phone || undefined,
      address: { line1: shipping.line1, line2: shipping.line2 || undefined, city: shipping.city, state: shipping.region || undefined, postal_code: shipping.postalCode, country: shipping.country },
    },
  }
  if (customer.providerCustomerId) {
    await stripeClient().customers.update(customer.providerCustomerId, fields)
    return customer.providerCustomerId
  }
  const created = await stripeClient().customers.create({ ...fields, metadata: { user_id: customer.userId } }, { idempotencyKey: `customer-${customer.userId}` })
  return created.id
}

export const stripeProvider: PaymentProvider = {
  name: 'stripe',

  async createCheckoutSession(input) {
    const currency = input.currency.toLowerCase()
    const customerId = input.customer ? await customerWithAddress(input.email, input.customer) : null
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: 'payment',
        // Prices come from our database at checkout time, never from the browser.
        line_items: input.lines.map((line) => ({
          quantity: line.quantity,
          price_data: { currency, unit_amount: line.unitPriceCents, product_data: { name: line.name } },
        })),
        shipping_options: [
          {
            shipping_rate_data: {
              type: 'fixed_amount',
              display_name: input.shippingCents === 0 ? 'Free shipping' : 'Standard shipping',
              fixed_amount: { amount: input.shippingCents, currency },
            },
          },
        ],
        shipping_address_collection: { allowed_countries: shippingCountries.map(([code]) => code as AllowedCountry) },
        // A Customer carrying the saved address is how Checkout prefills it; otherwise just the email.
        ...(customerId ? { customer: customerId, customer_update: { shipping: 'auto' as const } } : { customer_email: input.email }),
        client_reference_id: String(input.orderId),
        metadata: { order_id: String(input.orderId) },
        payment_intent_data: { metadata: { order_id: String(input.orderId) } },
        expires_at: Math.floor(input.expiresAt.getTime() / 1000),
        success_url: `${input.successUrl}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: input.cancelUrl,
      },
      // A retried checkout for the same order gets the same session, never a second one.
      { idempotencyKey: `checkout-order-${input.orderId}` },
    )
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`)
    return { id: session.id, url: session.url, providerCustomerId: customerId }
  },

  async retrieveCheckoutSession(sessionId) {
    const session = await stripeClient().checkout.sessions.retrieve(sessionId)
    const paymentIntent = session.payment_intent
    return {
      status: session.status === 'complete' ? 'complete' : session.status === 'expired' ? 'expired' : 'open',
      paid: session.payment_status === 'paid' || session.payment_status === 'no_payment_required',
      paymentIntentId: typeof paymentIntent === 'string' ? paymentIntent : (paymentIntent?.id ?? null),
      url: session.status === 'open' ? session.url : null,
    }
  },

  async expireCheckoutSession(sessionId) {
    await stripeClient().checkout.sessions.expire(sessionId)
  },

  async createRefund(request) {
    const refund = await stripeClient().refunds.create(
      {
        payment_intent: request.paymentIntentId,
        amount: request.amountCents,
        metadata: { refund_id: String(request.refundId), order_id: String(request.orderId) },
      },
      { idempotencyKey: `refund-${request.refundId}` },
    )
    return { providerRefundId: refund.id }
  },
}
