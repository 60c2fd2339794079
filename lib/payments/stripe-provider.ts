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

/** Our own page that mounts an embedded session (the session id grants access, as Stripe's URL does). */
export function embeddedCheckoutPath(sessionId: string) {
  return `/checkout?session_id=${sessionId}`
}

/**
 * Stripe refuses to charge less than about 50 US cents: its minimum charge per settlement currency
 * (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts), in minor units. Other
 * currencies are left to Stripe.
 */
const STRIPE_MINIMUM_CHARGE: Record<string, number> = {
  USD: 50,
  EUR: 50,
  GBP: 30,
  CAD: 50,
  AUD: 50,
  NZD: 50,
  CHF: 50,
  SGD: 50,
  JPY: 50,
  DKK: 250,
  NOK: 300,
  SEK: 300,
  PLN: 200,
  HKD: 400,
  MXN: 1000,
}

export const stripeProvider: PaymentProvider = {
  name: 'stripe',

  minimumChargeCents: (currency) => STRIPE_MINIMUM_CHARGE[currency.toUpperCase()] ?? null,

  async createCheckoutSession(input) {
    const currency = input.currency.toLowerCase()
    const customerId = input.customer ? await customerWithAddress(input.email, input.customer) : null
    const tax = input.tax ?? { automatic: false, pricesIncludeTax: false, taxCents: 0, label: '' }
    // With Stripe Tax, every amount says whether it holds its tax; Stripe adds it (or finds it inside).
    const taxBehavior = tax.automatic ? { tax_behavior: tax.pricesIncludeTax ? ('inclusive' as const) : ('exclusive' as const) } : {}
    const method = input.shippingMethod
    const embedded = input.uiMode === 'embedded'
    const allowed = input.allowedCountries && input.allowedCountries.length > 0 ? input.allowedCountries : shippingCountries.map(([code]) => code)
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: 'payment',
        // Prices come from our database at checkout time, never from the browser.
        line_items: [
          ...input.lines.map((line) => ({
            quantity: line.quantity,
            price_data: {
              currency,
              unit_amount: line.unitPriceCents,
              product_data: { name: line.name, ...(tax.automatic && line.taxCode ? { tax_code: line.taxCode } : {}) },
              ...taxBehavior,
            },
          })),
          // Tax from our own rate table, on top of prices that exclude it: one line, so Stripe charges the order's total.
          ...(!tax.automatic && !tax.pricesIncludeTax && tax.taxCents > 0 ? [{ quantity: 1, price_data: { currency, unit_amount: tax.taxCents, product_data: { name: tax.label || 'Tax' } } }] : []),
        ],
        shipping_options: [
          {
            shipping_rate_data: {
              type: 'fixed_amount',
              display_name: method ? method.name : input.shippingCents === 0 ? 'Free shipping' : 'Standard shipping',
              fixed_amount: { amount: input.shippingCents, currency },
              ...(method
                ? {
                    delivery_estimate: {
                      minimum: { unit: 'business_day' as const, value: Math.max(1, method.minDeliveryDays) },
                      maximum: { unit: 'business_day' as const, value: Math.max(1, method.maxDeliveryDays) },
                    },
                  }
                : {}),
              // txcd_92010001: Stripe's tax code for shipping.
              ...(tax.automatic ? { ...taxBehavior, tax_code: 'txcd_92010001' } : {}),
            },
          },
        ],
        shipping_address_collection: { allowed_countries: allowed.map((code) => code as AllowedCountry) },
        ...(tax.automatic ? { automatic_tax: { enabled: true } } : {}),
        // A Customer carrying the saved address is how Checkout prefills it; otherwise just the email.
        ...(customerId ? { customer: customerId, customer_update: { shipping: 'auto' as const } } : { customer_email: input.email }),
        client_reference_id: String(input.orderId),
        metadata: { order_id: String(input.orderId) },
        payment_intent_data: { metadata: { order_id: String(input.orderId) } },
        expires_at: Math.floor(input.expiresAt.getTime() / 1000),
        ...(embedded
          ? { ui_mode: 'embedded_page' as const, return_url: `${input.successUrl}?session_id={CHECKOUT_SESSION_ID}` }
          : { success_url: `${input.successUrl}?session_id={CHECKOUT_SESSION_ID}`, cancel_url: input.cancelUrl }),
      },
      // A retried checkout for the same order gets the same session, never a second one.
      { idempotencyKey: `checkout-order-${input.orderId}` },
    )
    if (embedded) {
      if (!session.client_secret) throw new Error(`Stripe returned embedded checkout session ${session.id} without a client secret`)
      return { id: session.id, url: embeddedCheckoutPath(session.id), providerCustomerId: customerId }
    }
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`)
    return { id: session.id, url: session.url, providerCustomerId: customerId }
  },

  async embeddedClientSecret(sessionId) {
    const session = await stripeClient().checkout.sessions.retrieve(sessionId)
    return session.status === 'open' ? session.client_secret : null
  },

  async retrieveCheckoutSession(sessionId) {
    const session = await stripeClient().checkout.sessions.retrieve(sessionId)
    const paymentIntent = session.payment_intent
    return {
      status: session.status === 'complete' ? 'complete' : session.status === 'expired' ? 'expired' : 'open',
      paid: session.payment_status === 'paid' || session.payment_status === 'no_payment_required',
      paymentIntentId: typeof paymentIntent === 'string' ? paymentIntent : (paymentIntent?.id ?? null),
      amountTotalCents: session.amount_total,
      amountTaxCents: session.total_details?.amount_tax ?? null,
      url: session.status !== 'open' ? null : session.ui_mode === 'embedded_page' ? embeddedCheckoutPath(session.id) : session.url,
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
