/**
 * The Stripe path end to end inside the server: checkout through the real `stripe` SDK against a
 * local fake Stripe API, and webhooks signed like Stripe's (generateTestHeaderString) delivered
 * to the route handler.
 */
import { randomBytes } from 'node:crypto'
import { NextRequest } from 'next/server'
import Stripe from 'stripe'
import { describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { saveAddress } from '@/lib/account/addresses'
import { runAllDueJobs } from '@/lib/testing/jobs'
import { createTestUser } from '@/lib/testing/auth'
import { createTestProduct, orderEventsOf, orderRow, placeOrder, stockOf, type TestProduct } from '@/lib/testing/commerce'
import { fakeStripeForFile } from '@/lib/testing/fake-stripe'
import { cacheCalls } from '@/lib/testing/next-cache'
import { startCheckout } from '@/lib/orders/checkout'

const WEBHOOK_SECRET = 'whsec_test_fixture_secret'
const fakePort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  process.env.STRIPE_SECRET_KEY = 'sk_test_fixture'
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_fixture_secret'
  process.env.STRIPE_API_URL = `http://127.0.0.1:${port}`
  return port
})

const fake = fakeStripeForFile(fakePort)
const stripe = new Stripe('sk_test_fixture')

function stripeEvent(type: string, object: Record<string, unknown>) {
  return {
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: null,
    type,
    data: { object },
  }
}

async function deliver(event: unknown, options: { secret?: string; timestamp?: number; signature?: string } = {}) {
  const payload = JSON.stringify(event)
  const signature = options.signature ?? stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET, timestamp: options.timestamp })
  const { POST } = await import('@/app/api/webhooks/stripe/route')
  return POST(new NextRequest('http://localhost:3000/api/webhooks/stripe', { method: 'POST', body: payload, headers: { 'stripe-signature': signature } }))
}

function sessionObject(orderId: number, sessionId: string, fields: Record<string, unknown> = {}) {
  return {
    id: sessionId,
    object: 'checkout.session',
    client_reference_id: String(orderId),
    metadata: { order_id: String(orderId) },
    payment_status: 'paid',
    payment_intent: `pi_${sessionId}`,
    customer_details: { email: 'payer@example.com', phone: null },
    collected_information: null,
    ...fields,
  }
}

async function stripeOrder(product: TestProduct, quantity = 1) {
  const order = await placeOrder([{ product, quantity }], { email: `stripe-${randomBytes(4).toString('hex')}@example.com` })
  const row = await orderRow(order.orderId)
  if (!row.checkout_session_id) throw new Error('no session id')
  return { orderId: order.orderId, sessionId: row.checkout_session_id, cartId: order.cartId }
}

async function mailCount(orderId: number) {
  const [order] = await sql<{ email: string }[]>`select email from orders where id = ${orderId}`
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from dev_mailbox where "to" = ${order?.email ?? ''} and subject like '%confirmed'`
  return row?.count ?? 0
}

describe('checkout through the Stripe SDK', () => {
  it('creates a Checkout Session from database prices with the order id, an idempotency key and a 30-minute expiry', async () => {
    const product = await createTestProduct({ stock: 6, priceCents: 2_345 })
    const before = fake.requests.length
    const { orderId, sessionId } = await stripeOrder(product, 2)
    const [request] = fake.requests.slice(before)
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', idempotencyKey: `checkout-order-${orderId}` })
    expect(request?.params).toMatchObject({
      mode: 'payment',
      'line_items[0][quantity]': '2',
      'line_items[0][price_data][unit_amount]': '2345',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][product_data][name]': product.name,
      'shipping_options[0][shipping_rate_data][fixed_amount][amount]': '495',
      client_reference_id: String(orderId),
      'metadata[order_id]': String(orderId),
      'payment_intent_data[metadata][order_id]': String(orderId),
      success_url: 'http://localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://localhost:3000/cart?checkout=cancelled',
    })
    // The destination's zone (the migrated default ships to 12 countries; shipping-tax.test.ts checks zones in detail).
    expect(
      Object.entries(request?.params ?? {})
        .filter(([key]) => key.startsWith('shipping_address_collection'))
        .map(([, value]) => value),
    ).toContain('US')
    expect(request?.params.customer_email).toMatch(/@example\.com$/)
    const minutes = (Number(request?.params.expires_at) * 1000 - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(30)
    expect(minutes).toBeLessThan(32)
    expect(fake.sessions.get(sessionId)?.amount_total).toBe(2 * 2_345 + 495)
  })

  it('prefills a signed-in shopper’s saved address through a Stripe Customer, made once and then updated', async () => {
    const user = await createTestUser()
    await saveAddress(user.id, null, { fullName: 'Grace Saved', line1: '9 Default Rd', line2: '', city: 'Boston', region: 'MA', postalCode: '02101', country: 'US', phone: '', isDefault: true })
    const product = await createTestProduct({ stock: 5 })
    const before = fake.requests.length
    const first = await placeOrder([{ product, quantity: 1 }], { userId: user.id, email: user.email })
    const [createCustomer, createSession] = fake.requests.slice(before)
    expect(createCustomer).toMatchObject({
      path: '/v1/customers',
      idempotencyKey: `customer-${user.id}`,
      params: {
        email: user.email,
        'shipping[name]': 'Grace Saved',
        'shipping[address][line1]': '9 Default Rd',
        'shipping[address][postal_code]': '02101',
        'shipping[address][country]': 'US',
        'metadata[user_id]': user.id,
      },
    })
    expect(createSession?.params).toMatchObject({ customer: expect.stringMatching(/^cus_/), 'customer_update[shipping]': 'auto' })
    expect(createSession?.params.customer_email).toBeUndefined()
    const [stored] = await sql<{ stripe_customer_id: string }[]>`select stripe_customer_id from users where id = ${user.id}`
    expect(stored?.stripe_customer_id).toBe(createSession?.params.customer)

    // A changed cart (an unchanged one would reuse the open session): the first session is closed, the Customer updated.
    const again = fake.requests.length
    await placeOrder([{ product, quantity: 2 }], { userId: user.id, email: user.email })
    expect(fake.requests.slice(again).map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /v1/checkout/sessions/${(await orderRow(first.orderId)).checkout_session_id}`,
      `POST /v1/checkout/sessions/${(await orderRow(first.orderId)).checkout_session_id}/expire`,
      `POST /v1/customers/${stored?.stripe_customer_id}`,
      'POST /v1/checkout/sessions',
    ])
  })

  it('a retry of an unchanged cart goes back to the open Stripe session instead of making a second order', async () => {
    const product = await createTestProduct({ stock: 5 })
    const first = await placeOrder([{ product, quantity: 1 }], { email: 'retry-stripe@example.com' })
    const before = fake.requests.length
    const retry = await startCheckout({ cartId: first.cartId, userId: null, email: 'retry-stripe@example.com' })
    expect(retry).toEqual({ ok: true, orderId: first.orderId, url: first.url })
    expect(first.url).toMatch(/^https:\/\/checkout\.stripe\.com\//)
    expect(fake.requests.slice(before).map((request) => request.method)).toEqual(['GET'])
    expect(await stockOf(product.id)).toBe(4)
  })

  it('cancels the order and releases the stock when Stripe cannot be reached', async () => {
    const product = await createTestProduct({ stock: 3 })
    fake.failNext = 10
    await expect(placeOrder([{ product, quantity: 2 }])).rejects.toThrow(/could not open the payment page/)
    fake.failNext = 0
    expect(await stockOf(product.id)).toBe(3)
    const [order] = await sql<{ status: string }[]>`select o.status from orders o join order_items i on i.order_id = o.id where i.product_id = ${product.id}`
    expect(order?.status).toBe('cancelled')
  })

  it('a checkout that took the last units and could not open the payment page puts the product back on its page and cards', async () => {
    const product = await createTestProduct({ stock: 2 })
    fake.failNext = 10
    cacheCalls.expired.length = 0
    await expect(placeOrder([{ product, quantity: 2 }])).rejects.toThrow(/could not open the payment page/)
    fake.failNext = 0
    expect(await stockOf(product.id)).toBe(2)
    // Expired when the reservation sold it out, and again when the cancellation put it back.
    expect(cacheCalls.expired.filter((tag) => tag === `catalog:product:${product.slug}`)).toHaveLength(2)
    expect(cacheCalls.expired.filter((tag) => tag === 'catalog:cards')).toHaveLength(2)
  })
})

describe('the Stripe webhook', () => {
  it('refuses a bad signature, another secret and a stale timestamp with 400, changing nothing', async () => {
    const product = await createTestProduct({ stock: 3 })
    const { orderId, sessionId } = await stripeOrder(product)
    const event = stripeEvent('checkout.session.completed', sessionObject(orderId, sessionId))
    expect((await deliver(event, { signature: 't=1,v1=deadbeef' })).status).toBe(400)
    expect((await deliver(event, { secret: 'whsec_someone_else' })).status).toBe(400)
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400)
    expect((await orderRow(orderId)).status).toBe('pending')
    expect(await sql`select 1 from payment_events where id = ${event.id}`).toHaveLength(0)
  })

  it('refuses a signature dated more than five minutes ahead with 400, and accepts one within clock skew', async () => {
    const product = await createTestProduct({ stock: 3 })
    const { orderId, sessionId } = await stripeOrder(product)
    const event = stripeEvent('checkout.session.completed', sessionObject(orderId, sessionId))
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) + 600 })).status).toBe(400)
    expect((await orderRow(orderId)).status).toBe('pending')
    expect(await sql`select 1 from payment_events where id = ${event.id}`).toHaveLength(0)
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) + 60 })).status).toBe(200)
    expect((await orderRow(orderId)).status).toBe('paid')
  })

  it('answers 400 (not 500, which Stripe retries for days) to a signed body that is not a readable Stripe event', async () => {
    const product = await createTestProduct({ stock: 3 })
    const { orderId, sessionId } = await stripeOrder(product)
    const malformed = [
      [],
      [stripeEvent('checkout.session.completed', sessionObject(orderId, sessionId))],
      'just a string',
      { id: 'evt_no_data', object: 'event', type: 'checkout.session.completed' },
      { id: 'evt_no_object', object: 'event', type: 'checkout.session.completed', data: {} },
      { object: 'event', type: 'customer.created', data: { object: {} } },
      stripeEvent('checkout.session.completed', { object: 'checkout.session', metadata: { order_id: String(orderId) } }),
      stripeEvent('charge.refunded', { id: 'ch_x', object: 'charge', payment_intent: `pi_${sessionId}`, amount_refunded: '1000' }),
      stripeEvent('refund.updated', { object: 'refund', amount: 100, status: 'succeeded', payment_intent: `pi_${sessionId}` }),
    ]
    for (const body of malformed) {
      const response = await deliver(body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(((await response.json()) as { error: string }).error).toMatch(/Not a Stripe event|Malformed/)
    }
    expect(await orderRow(orderId)).toMatchObject({ status: 'pending', refunded_cents: 0 })
  })

  it('the same completed event five times at once: one transition, one email', async () => {
    const product = await createTestProduct({ stock: 3 })
    const { orderId, sessionId, cartId } = await stripeOrder(product)
    const event = stripeEvent(
      'checkout.session.completed',
      sessionObject(orderId, sessionId, {
        collected_information: { shipping_details: { name: 'Ada Payer', address: { line1: '1 Paid St', line2: null, city: 'Springfield', state: 'IL', postal_code: '62701', country: 'US' } } },
      }),
    )
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(event)))
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200])
    const outcomes = await Promise.all(responses.map(async (response) => ((await response.json()) as { outcome: string }).outcome))
    expect(outcomes.filter((outcome) => outcome === 'processed')).toHaveLength(1)
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(4)
    expect(await orderRow(orderId)).toMatchObject({ status: 'paid', payment_state: 'paid', payment_intent_id: `pi_${sessionId}` })
    expect((await orderEventsOf(orderId)).filter((row) => row.to_status === 'paid')).toHaveLength(1)
    const [address] = await sql<{ shipping_address: { city: string } }[]>`select shipping_address from orders where id = ${orderId}`
    expect(address?.shipping_address.city).toBe('Springfield')
    // The bought line left the cart.
    expect(await sql`select 1 from cart_items where cart_id = ${cartId}`).toHaveLength(0)
    await runAllDueJobs()
    expect(await mailCount(orderId)).toBe(1)
    // Redelivered later: still one.
    expect(((await (await deliver(event)).json()) as { outcome: string }).outcome).toBe('duplicate')
    await runAllDueJobs()
    expect(await mailCount(orderId)).toBe(1)
  })

  it('an expired event after completion leaves the order paid', async () => {
    const product = await createTestProduct({ stock: 3 })
    const { orderId, sessionId } = await stripeOrder(product)
    await deliver(stripeEvent('checkout.session.completed', sessionObject(orderId, sessionId)))
    await deliver(stripeEvent('checkout.session.expired', sessionObject(orderId, sessionId, { payment_status: 'unpaid', status: 'expired' })))
    expect((await orderRow(orderId)).status).toBe('paid')
    expect(await stockOf(product.id)).toBe(2)
  })

  it('an expired checkout cancels the order and puts the stock back', async () => {
    const product = await createTestProduct({ stock: 3 })
    const { orderId, sessionId } = await stripeOrder(product, 2)
    expect(await stockOf(product.id)).toBe(1)
    cacheCalls.expired.length = 0
    expect((await deliver(stripeEvent('checkout.session.expired', sessionObject(orderId, sessionId, { payment_status: 'unpaid', payment_intent: null })))).status).toBe(200)
    expect((await orderRow(orderId)).status).toBe('cancelled')
    expect(await stockOf(product.id)).toBe(3)
    // Its page shows the stock; its cards said "In stock" all along and stay cached.
    expect(cacheCalls.expired).toContain(`catalog:product:${product.slug}`)
    expect(cacheCalls.expired).not.toContain('catalog:cards')
  })

  it('an expired checkout that held the last units brings the product back on every cached card', async () => {
    const product = await createTestProduct({ stock: 2 })
    const { orderId, sessionId } = await stripeOrder(product, 2)
    expect(await stockOf(product.id)).toBe(0)
    cacheCalls.expired.length = 0
    await deliver(stripeEvent('checkout.session.expired', sessionObject(orderId, sessionId, { payment_status: 'unpaid', payment_intent: null })))
    expect(await stockOf(product.id)).toBe(2)
    expect(cacheCalls.expired).toEqual(expect.arrayContaining([`catalog:product:${product.slug}`, 'catalog:cards']))
  })

  it('an async payment success before the (unpaid) completion: the order ends paid', async () => {
    const product = await createTestProduct({ stock: 3 })
    const { orderId, sessionId } = await stripeOrder(product)
    await deliver(stripeEvent('checkout.session.async_payment_succeeded', sessionObject(orderId, sessionId)))
    await deliver(stripeEvent('checkout.session.completed', sessionObject(orderId, sessionId, { payment_status: 'unpaid' })))
    expect(await orderRow(orderId)).toMatchObject({ status: 'paid', payment_state: 'paid' })
  })

  it('a completion awaiting an async payment, then its failure: cancelled, stock back', async () => {
    const product = await createTestProduct({ stock: 3 })
    const { orderId, sessionId } = await stripeOrder(product)
    await deliver(stripeEvent('checkout.session.completed', sessionObject(orderId, sessionId, { payment_status: 'unpaid' })))
    expect(await orderRow(orderId)).toMatchObject({ status: 'pending', payment_state: 'processing' })
    await deliver(stripeEvent('checkout.session.async_payment_failed', sessionObject(orderId, sessionId, { payment_status: 'unpaid' })))
    expect(await orderRow(orderId)).toMatchObject({ status: 'cancelled', payment_state: 'failed' })
    expect(await stockOf(product.id)).toBe(3)
  })

  it('a refund that arrives before the payment is matched: the order converges to partially refunded', async () => {
    const product = await createTestProduct({ stock: 3, priceCents: 6_000 })
    const { orderId, sessionId } = await stripeOrder(product)
    const paymentIntent = `pi_${sessionId}`
    await deliver(stripeEvent('charge.refunded', { id: 'ch_early', object: 'charge', payment_intent: paymentIntent, amount_refunded: 1_000, refunded: false }))
    expect((await orderRow(orderId)).status).toBe('pending')
    await deliver(stripeEvent('checkout.session.completed', sessionObject(orderId, sessionId)))
    expect(await orderRow(orderId)).toMatchObject({ status: 'partially_refunded', refunded_cents: 1_000 })
    expect((await orderEventsOf(orderId)).map((event) => event.to_status)).toEqual(['pending', 'paid', 'partially_refunded'])
  })

  it('answers 200 to event types it does not handle', async () => {
    const response = await deliver(stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ outcome: 'ignored' })
  })
})

describe('refunds through the Stripe SDK', () => {
  async function paidOrder(priceCents: number, stock = 3) {
    const product = await createTestProduct({ stock, priceCents })
    const order = await stripeOrder(product)
    await deliver(stripeEvent('checkout.session.completed', sessionObject(order.orderId, order.sessionId)))
    return { ...order, product }
  }

  it('sends the amount and an idempotency key per refund; the webhook then marks the order', async () => {
    const { refundOrder } = await import('./refunds')
    const { orderId, sessionId } = await paidOrder(8_000)
    const before = fake.requests.length
    const result = await refundOrder({ orderId, amountCents: 3_000, restock: false, reason: 'Damaged box', actorUserId: null })
    expect(result).toMatchObject({ ok: true })
    if (!result.ok) return
    const [request] = fake.requests.slice(before)
    expect(request).toMatchObject({
      path: '/v1/refunds',
      idempotencyKey: `refund-${result.refundId}`,
      params: { payment_intent: `pi_${sessionId}`, amount: '3000', 'metadata[refund_id]': String(result.refundId) },
    })
    // Nothing is marked refunded until Stripe says so.
    expect((await orderRow(orderId)).status).toBe('paid')
    const [refund] = await sql<{ provider_refund_id: string }[]>`select provider_refund_id from refunds where id = ${result.refundId}`
    await deliver(
      stripeEvent('refund.updated', {
        id: refund?.provider_refund_id,
        object: 'refund',
        amount: 3_000,
        status: 'succeeded',
        payment_intent: `pi_${sessionId}`,
        metadata: { refund_id: String(result.refundId) },
      }),
    )
    expect(await orderRow(orderId)).toMatchObject({ status: 'partially_refunded', refunded_cents: 3_000 })
  })

  it('refuses more than was paid, and two concurrent refunds cannot exceed it', async () => {
    const { refundOrder } = await import('./refunds')
    const { orderId } = await paidOrder(10_000)
    expect(await refundOrder({ orderId, amountCents: 10_001, restock: false, reason: '', actorUserId: null })).toEqual({ ok: false, error: expect.stringContaining('at most $100.00') })
    const results = await Promise.all([6_000, 6_000].map((amountCents) => refundOrder({ orderId, amountCents, restock: false, reason: '', actorUserId: null })))
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: expect.stringContaining('at most $40.00') })
    const [total] = await sql<{ total: number }[]>`select sum(amount_cents)::int as total from refunds where order_id = ${orderId}`
    expect(total?.total).toBe(6_000)
  })

  it('refuses an unpaid order', async () => {
    const { refundOrder } = await import('./refunds')
    const product = await createTestProduct({ stock: 3 })
    const { orderId } = await stripeOrder(product)
    expect(await refundOrder({ orderId, amountCents: 100, restock: false, reason: '', actorUserId: null })).toEqual({ ok: false, error: 'Only paid orders can be refunded.' })
  })
})
