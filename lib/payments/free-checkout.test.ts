/**
 * An order that comes to nothing (a 100 % code, collected in store) on a shop that takes cards
 * through Stripe: Stripe would refuse a $0 charge, so the shopper confirms it on the shop's own
 * page instead, and it is paid through the same events and state machine as any other order.
 */
import { describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { applyPromotionCode } from '@/lib/cart/promotion-code'
import { runAllDueJobs } from '@/lib/testing/jobs'
import { startCheckout } from '@/lib/orders/checkout'
import { sweepExpiredOrders } from '@/lib/orders/sweeper'
import { formData, mailTo, outcomeOf } from '@/lib/testing/auth'
import { createCartWith, createTestProduct, orderEventsOf, orderRow, stockOf } from '@/lib/testing/commerce'
import { fakeStripeForFile } from '@/lib/testing/fake-stripe'
import { createTestPromotion, uniqueCode } from '@/lib/testing/promotions'
import { confirmFreeCheckoutAction, payDemoCheckoutAction } from './actions'
import { refundOrder } from './refunds'

const fakePort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  process.env.STRIPE_SECRET_KEY = 'sk_test_fixture'
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_fixture_secret'
  process.env.STRIPE_API_URL = `http://127.0.0.1:${port}`
  return port
})

const fake = fakeStripeForFile(fakePort)

const address = { fullName: 'Free Buyer', line1: '5 Test Lane', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' }

async function localPickup() {
  const [method] = await sql<{ id: number; price_cents: number }[]>`select id, price_cents from shipping_methods where name = 'Local pickup' order by id limit 1`
  if (!method) throw new Error('the seeded zone has no Local pickup')
  expect(method.price_cents).toBe(0)
  return method.id
}

/** Two $20 notebooks, a 100 % code and local pickup: $0.00 in all. */
async function freeCheckout() {
  const notebook = await createTestProduct({ stock: 5, priceCents: 2_000 })
  const code = uniqueCode('GIFT')
  const promotion = await createTestPromotion({ kind: 'percentage', percentBasisPoints: 10_000, code })
  const cartId = await createCartWith([{ product: notebook, quantity: 2 }])
  expect((await applyPromotionCode(cartId, code, null)).ok).toBe(true)
  const email = `free-${code.toLowerCase()}@example.com`
  const before = fake.requests.length
  const result = await startCheckout({ cartId, userId: null, email, destination: { country: 'US', region: 'OR' }, shippingMethodId: await localPickup() })
  if (!result.ok) throw new Error(result.error)
  const stripeSessions = fake.requests.slice(before).filter((request) => request.path === '/v1/checkout/sessions')
  const sessionId = (await orderRow(result.orderId)).checkout_session_id ?? ''
  return { notebook, promotion, cartId, email, result, sessionId, stripeSessions }
}

const confirm = (fields: Record<string, string>) => outcomeOf(confirmFreeCheckoutAction(null, formData(fields)))

describe('an order that comes to nothing', () => {
  it('skips Stripe: the shopper gives an address on our page and the order is paid, with its stock and code use kept', async () => {
    const { notebook, promotion, cartId, email, result, sessionId, stripeSessions } = await freeCheckout()
    expect(stripeSessions).toHaveLength(0)
    expect(result.url).toBe(`/checkout/free/${sessionId}`)
    expect(sessionId).toMatch(/^cs_free_/)
    const [placed] = await sql<{ provider: string; total_cents: number; discount_cents: number }[]>`select provider, total_cents, discount_cents from orders where id = ${result.orderId}`
    expect(placed).toEqual({ provider: 'free', total_cents: 0, discount_cents: 4_000 })
    expect(await stockOf(notebook.id)).toBe(3)

    expect(await confirm({ sessionId, email, ...address })).toEqual({ kind: 'redirect', url: `/checkout/success?session_id=${sessionId}` })

    expect(await orderRow(result.orderId)).toMatchObject({ status: 'paid', payment_state: 'paid', payment_intent_id: null })
    expect((await orderEventsOf(result.orderId)).map((event) => [event.to_status, event.actor, event.note])).toEqual([
      ['pending', 'customer', 'Order placed; stock reserved until the shopper confirms it.'],
      ['paid', 'customer', 'Confirmed by the shopper; nothing to pay.'],
    ])
    const [shipped] = await sql<{ city: string }[]>`select shipping_address->>'city' as city from orders where id = ${result.orderId}`
    expect(shipped?.city).toBe('Portland')
    expect(await stockOf(notebook.id)).toBe(3)
    expect(await sql`select 1 from cart_items where cart_id = ${cartId}`).toHaveLength(0)
    const [uses] = await sql<{ uses_count: number }[]>`select uses_count from promotions where id = ${promotion.id}`
    expect(uses?.uses_count).toBe(1)

    await runAllDueJobs()
    const [mail] = await mailTo(email)
    expect(mail?.subject).toMatch(/is confirmed$/)
    expect(mail?.text).toContain('There was nothing to pay.')
    expect(mail?.text).toContain('Total — $0.00')
    expect(mail?.text).not.toContain('Total paid')

    expect(await refundOrder({ orderId: result.orderId, amountCents: 100, restock: false, reason: 'Changed their mind', actorUserId: null })).toEqual({
      ok: false,
      error: 'Nothing was paid for this order, so there is nothing to refund.',
    })
  })

  it('a second click reuses the same confirmation page and hold', async () => {
    const { notebook, cartId, email, result, sessionId } = await freeCheckout()
    const again = await startCheckout({ cartId, userId: null, email, destination: { country: 'US', region: 'OR' }, shippingMethodId: await localPickup() })
    expect(again).toEqual({ ok: true, orderId: result.orderId, url: `/checkout/free/${sessionId}` })
    expect(await stockOf(notebook.id)).toBe(3)
  })

  it('refuses a missing address, a bad email and a session of another kind, leaving the order pending', async () => {
    const { result, sessionId, email } = await freeCheckout()
    const missing = await confirm({ sessionId, email, ...address, line1: '' })
    expect(missing).toMatchObject({ kind: 'returned', value: { ok: false, fieldErrors: { line1: ['Enter the street address.'] } } })
    const badEmail = await confirm({ sessionId, email: 'not-an-email', ...address })
    expect(badEmail).toMatchObject({ kind: 'returned', value: { ok: false, fieldErrors: { email: [expect.stringContaining('email')] } } })
    // The demo card page cannot complete it, nor this page a demo or made-up session.
    const asDemo = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, email, cardNumber: '4242 4242 4242 4242', expiry: '12 / 39', cvc: '123', ...address })))
    expect(asDemo).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining('does not exist') } })
    expect(await confirm({ sessionId: 'cs_free_doesnotexist', email, ...address })).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining('does not exist') } })
    expect(await orderRow(result.orderId)).toMatchObject({ status: 'pending', payment_state: 'unpaid' })
  })

  it('left unconfirmed, it expires like any checkout: stock back on sale and the code’s use returned', async () => {
    const { notebook, promotion, result, sessionId, email } = await freeCheckout()
    await sql`update orders set expires_at = now() - interval '2 minutes' where id = ${result.orderId}`
    await sweepExpiredOrders(500)
    expect(await orderRow(result.orderId)).toMatchObject({ status: 'cancelled' })
    expect(await stockOf(notebook.id)).toBe(5)
    const [uses] = await sql<{ uses_count: number }[]>`select uses_count from promotions where id = ${promotion.id}`
    expect(uses?.uses_count).toBe(0)
    expect(await confirm({ sessionId, email, ...address })).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining('expired') } })
  })
})
