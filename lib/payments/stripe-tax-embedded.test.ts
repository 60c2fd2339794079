/**
 * STRIPE_TAX=true and STRIPE_CHECKOUT_UI=embedded through the real `stripe` SDK against the local
 * fake Stripe API: the session asks Stripe Tax to compute the tax (automatic_tax, tax behaviour,
 * category tax codes, the shipping tax code), is created for Embedded Checkout (ui_mode
 * embedded_page, a return URL, our /checkout page), and the webhook records the tax Stripe charged.
 */
import { randomBytes } from 'node:crypto'
import { NextRequest } from 'next/server'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { startCheckout } from '@/lib/orders/checkout'
import { createCartWith, createTestProduct } from '@/lib/testing/commerce'
import { FakeStripe } from '@/lib/testing/fake-stripe'
import { embeddedCheckoutState } from './embedded'

const WEBHOOK_SECRET = 'whsec_test_fixture_secret'
const fakePort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  process.env.STRIPE_SECRET_KEY = 'sk_test_fixture'
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_fixture_secret'
  process.env.STRIPE_API_URL = `http://127.0.0.1:${port}`
  process.env.STRIPE_TAX = 'true'
  process.env.STRIPE_CHECKOUT_UI = 'embedded'
  process.env.STRIPE_PUBLISHABLE_KEY = 'pk_test_fixture'
  return port
})

const fake = new FakeStripe()
const stripe = new Stripe('sk_test_fixture')

beforeAll(async () => {
  await fake.start(fakePort)
  // "Stripe Tax" charges 10% on top.
  fake.automaticTaxRatePpm = 100_000
})

afterAll(async () => {
  await fake.stop()
  await sql`delete from category_tax`
  // Fixture products go back to the fixtures' category, so no test sees an extra category.
  await sql`update products set category_id = (select id from categories where slug = 'zz-test-fixtures') where category_id = (select id from categories where slug = 'zz-taxed-lamps')`
  await sql`delete from categories where slug = 'zz-taxed-lamps'`
  for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL', 'STRIPE_TAX', 'STRIPE_CHECKOUT_UI', 'STRIPE_PUBLISHABLE_KEY']) delete process.env[name]
})

async function deliver(type: string, object: Record<string, unknown>) {
  const payload = JSON.stringify({
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: null,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: null,
    type,
    data: { object },
  })
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })
  const { POST } = await import('@/app/api/webhooks/stripe/route')
  return POST(new NextRequest('http://localhost:3000/api/webhooks/stripe', { method: 'POST', body: payload, headers: { 'stripe-signature': signature } }))
}

describe('Stripe Tax with Embedded Checkout', () => {
  it('creates an embedded session with automatic tax and tax codes, and records the tax Stripe charged', async () => {
    const lamp = await createTestProduct({ stock: 10, priceCents: 3_000 })
    const mug = await createTestProduct({ stock: 10, priceCents: 1_000 })
    // Lamps have a Stripe tax code of their own; the mug's category has none (the account's default).
    const [lamps] = await sql<{ id: number }[]>`insert into categories (slug, name, position) values ('zz-taxed-lamps', 'Zz Lamps', 997) returning id`
    await sql`update products set category_id = ${lamps?.id ?? 0} where id = ${lamp.id}`
    await sql`insert into category_tax (category_id, stripe_tax_code) values (${lamps?.id ?? 0}, 'txcd_99999999')`
    const [express] = await sql<{ id: number }[]>`select id from shipping_methods where name = 'Express' order by id limit 1`
    const cartId = await createCartWith([
      { product: lamp, quantity: 1 },
      { product: mug, quantity: 2 },
    ])
    const before = fake.requests.length
    const result = await startCheckout({ cartId, userId: null, email: 'stripe-tax@example.com', destination: { country: 'DE', region: '' }, shippingMethodId: express?.id ?? null })
    if (!result.ok) throw new Error(result.error)

    // Our own page mounts the session; Stripe returns the shopper to the success page, which shows the order.
    const [order] = await sql<{ checkout_session_id: string; tax_cents: number; total_cents: number; tax_mode: string }[]>`
      select checkout_session_id, tax_cents, total_cents, tax_mode from orders where id = ${result.orderId}`
    expect(result.url).toBe(`/checkout?session_id=${order?.checkout_session_id}`)
    // Before Stripe has an address there is no tax: 30.00 + 2 × 10.00 + Express 14.95 = 64.95.
    expect(order).toMatchObject({ tax_cents: 0, total_cents: 6_495, tax_mode: 'stripe' })

    const [request] = fake.requests.slice(before).filter((entry) => entry.path === '/v1/checkout/sessions')
    expect(request?.params).toMatchObject({
      ui_mode: 'embedded_page',
      return_url: 'http://localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}',
      'automatic_tax[enabled]': 'true',
      'line_items[0][price_data][tax_behavior]': 'exclusive',
      'line_items[0][price_data][product_data][tax_code]': 'txcd_99999999',
      'line_items[1][price_data][tax_behavior]': 'exclusive',
      'shipping_options[0][shipping_rate_data][display_name]': 'Express',
      'shipping_options[0][shipping_rate_data][fixed_amount][amount]': '1495',
      'shipping_options[0][shipping_rate_data][tax_behavior]': 'exclusive',
      'shipping_options[0][shipping_rate_data][tax_code]': 'txcd_92010001',
    })
    // Stripe decides the tax per address, so the whole zone may be chosen; no tax line of ours.
    expect(request?.params['shipping_address_collection[allowed_countries][1]']).toBeDefined()
    expect(request?.params['line_items[1][price_data][product_data][tax_code]']).toBeUndefined()
    expect(request?.params['line_items[2][price_data][unit_amount]']).toBeUndefined()
    expect(request?.params.success_url).toBeUndefined()
    expect(request?.params.cancel_url).toBeUndefined()

    // The /checkout page gets the session's client secret to mount Embedded Checkout with.
    const state = await embeddedCheckoutState(order?.checkout_session_id ?? '')
    expect(state).toMatchObject({ kind: 'open', publishableKey: 'pk_test_fixture', clientSecret: expect.stringMatching(/_secret_/) })

    // Stripe charged 10% of 64.95 = 6.495 → 6.50 (the fake rounds half up): total 71.45.
    const session = fake.completeSession(order?.checkout_session_id ?? '')
    expect(session.total_details.amount_tax).toBe(650)
    expect((await deliver('checkout.session.completed', { ...session })).status).toBe(200)
    const [paid] = await sql<{ status: string; tax_cents: number; total_cents: number }[]>`select status, tax_cents, total_cents from orders where id = ${result.orderId}`
    expect(paid).toEqual({ status: 'paid', tax_cents: 650, total_cents: 7_145 })
    // Spread over lamp 30.00, mugs 20.00 and shipping 14.95 (64.95): 300.23 → 300, 200.15 → 200, the shipping 149.61 → 150.
    const items = await sql<{ tax_cents: number }[]>`select tax_cents from order_items where order_id = ${result.orderId} order by id`
    expect(items.map((item) => item.tax_cents)).toEqual([300, 200])

    // Once paid, /checkout sends the shopper on to the order.
    expect(await embeddedCheckoutState(order?.checkout_session_id ?? '')).toEqual({ kind: 'done', sessionId: order?.checkout_session_id })
    expect(await embeddedCheckoutState('cs_test_unknown_session')).toEqual({ kind: 'not-found' })
  })
})
