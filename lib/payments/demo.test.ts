import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, sql as rawSql } from '@/db/client'
import { orders } from '@/db/schema'
import { runAllDueJobs } from '@/lib/testing/jobs'
import { cancelUnpaidOrder } from '@/lib/orders/cancel'
import { refundableCents } from '@/lib/orders/queries'
import { sweepExpiredOrders } from '@/lib/orders/sweeper'
import { formData, outcomeOf } from '@/lib/testing/auth'
import { cacheCalls } from '@/lib/testing/next-cache'
import { createTestProduct, orderEventsOf, orderRow, placeOrder, stockOf } from '@/lib/testing/commerce'
import { eq } from 'drizzle-orm'
import { payDemoCheckoutAction } from './actions'
import { demoCardOutcome } from './demo-cards'
import { handleLocalEvent } from './local-checkout'
import { refundOrder } from './refunds'

const address = { fullName: 'Demo Buyer', line1: '5 Test Lane', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' }

async function pay(sessionId: string, cardNumber: string, extra: Record<string, string> = {}) {
  return outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, email: 'demo-buyer@example.com', cardNumber, expiry: '12 / 39', cvc: '123', ...address, ...extra })))
}

async function demoOrder(stock = 5, quantity = 1) {
  const product = await createTestProduct({ stock, priceCents: 2_000 })
  const { orderId, cartId } = await placeOrder([{ product, quantity }])
  const row = await orderRow(orderId)
  return { product, orderId, cartId, sessionId: row.checkout_session_id ?? '' }
}

/** Moves an order's checkout expiry into the past. */
async function expireNow(orderId: number) {
  await db
    .update(orders)
    .set({ expiresAt: sql`now() - interval '5 minutes'` })
    .where(eq(orders.id, orderId))
}

describe('demo test cards', () => {
  it.each([
    ['4242 4242 4242 4242', true],
    ['4242-4242-4242-4242', true],
    ['4000 0000 0000 0002', false],
    ['4000 0000 0000 9995', false],
    ['5555 5555 5555 4444', false],
  ])('%s succeeds: %s', (card, ok) => {
    expect(demoCardOutcome(card).ok).toBe(ok)
  })
})

describe('demo checkout', () => {
  it('4242 pays the order through the same events as Stripe: paid, cart emptied, one confirmation', async () => {
    const { orderId, sessionId, cartId } = await demoOrder()
    expect(await pay(sessionId, '4242 4242 4242 4242')).toEqual({ kind: 'redirect', url: `/checkout/success?session_id=${sessionId}` })
    expect(await orderRow(orderId)).toMatchObject({ status: 'paid', payment_state: 'paid' })
    expect((await orderEventsOf(orderId)).map((event) => [event.to_status, event.actor])).toEqual([
      ['pending', 'customer'],
      ['paid', 'demo'],
    ])
    expect(await rawSql`select 1 from cart_items where cart_id = ${cartId}`).toHaveLength(0)
    const [recorded] = await rawSql<{ type: string; provider: string }[]>`select type, provider from payment_events where order_id = ${orderId}`
    expect(recorded).toEqual({ type: 'checkout.session.completed', provider: 'demo' })
    await runAllDueJobs()
    expect(await rawSql`select 1 from dev_mailbox where "to" = ${(await rawSql`select email from orders where id = ${orderId}`)[0]?.email} and subject like '%confirmed'`).toHaveLength(1)
  })

  it.each([
    ['4000 0000 0000 0002', 'declined'],
    ['4000 0000 0000 9995', 'insufficient funds'],
  ])('%s is refused (%s): the order stays pending with its reservation', async (card, message) => {
    const { orderId, sessionId, product } = await demoOrder(5, 2)
    const outcome = await pay(sessionId, card)
    expect(outcome).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining(message) } })
    // The card number is never echoed back into the form.
    expect(outcome.kind === 'returned' && outcome.value && !outcome.value.ok && outcome.value.values?.cardNumber).toBeFalsy()
    expect(await orderRow(orderId)).toMatchObject({ status: 'pending', payment_state: 'unpaid' })
    expect(await stockOf(product.id)).toBe(3)
  })

  it('bad card fields and addresses get field errors', async () => {
    const { sessionId, orderId } = await demoOrder()
    const outcome = await pay(sessionId, '4242', { expiry: '01 / 20', cvc: 'abc', city: '' })
    expect(outcome).toMatchObject({
      kind: 'returned',
      value: { ok: false, fieldErrors: { cardNumber: [expect.any(String)], expiry: ['That card has expired.'], cvc: [expect.any(String)], city: ['Enter the city.'] } },
    })
    expect((await orderRow(orderId)).status).toBe('pending')
  })

  it('a checkout left past its expiry is cancelled and its stock released, by the page or the sweeper', async () => {
    const first = await demoOrder(4, 3)
    await expireNow(first.orderId)
    expect(await pay(first.sessionId, '4242 4242 4242 4242')).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining('expired') } })
    expect((await orderRow(first.orderId)).status).toBe('cancelled')
    expect(await stockOf(first.product.id)).toBe(4)

    const second = await demoOrder(2, 2)
    await expireNow(second.orderId)
    cacheCalls.expired.length = 0
    await sweepExpiredOrders()
    expect((await orderRow(second.orderId)).status).toBe('cancelled')
    expect(await stockOf(second.product.id)).toBe(2)
    // Back from sold out: its product page and every cached list of product cards expire.
    expect(cacheCalls.expired).toEqual(expect.arrayContaining([`catalog:product:${second.product.slug}`, 'catalog:cards']))
    expect((await orderEventsOf(second.orderId)).at(-1)).toMatchObject({ to_status: 'cancelled', note: expect.stringContaining('expired') })
  })

  it('an expired checkout that leaves stock on the shelf expires its product page and no card', async () => {
    const lamp = await demoOrder(5, 2)
    await expireNow(lamp.orderId)
    cacheCalls.expired.length = 0
    await sweepExpiredOrders()
    expect(await stockOf(lamp.product.id)).toBe(5)
    // Three left while the order held two: every card said "In stock" and still does.
    expect(cacheCalls.expired).toContain(`catalog:product:${lamp.product.slug}`)
    expect(cacheCalls.expired).not.toContain('catalog:cards')
  })

  it('the sweeper leaves unexpired and paid orders alone', async () => {
    const open = await demoOrder(3)
    const paid = await demoOrder(3)
    await pay(paid.sessionId, '4242 4242 4242 4242')
    await sweepExpiredOrders()
    expect((await orderRow(open.orderId)).status).toBe('pending')
    expect((await orderRow(paid.orderId)).status).toBe('paid')
  })

  it('refunds in full through the demo provider, restocking when asked', async () => {
    const { orderId, sessionId, product } = await demoOrder(5, 2)
    await pay(sessionId, '4242 4242 4242 4242')
    expect(await stockOf(product.id)).toBe(3)
    const total = (await orderRow(orderId)).total_cents
    expect(await refundOrder({ orderId, amountCents: 1_000, restock: false, reason: 'Scratched', actorUserId: null })).toMatchObject({ ok: true })
    expect(await orderRow(orderId)).toMatchObject({ status: 'partially_refunded', refunded_cents: 1_000 })
    cacheCalls.expired.length = 0
    expect(await refundOrder({ orderId, amountCents: total - 1_000, restock: true, reason: 'Returned', actorUserId: null })).toMatchObject({ ok: true })
    expect(await orderRow(orderId)).toMatchObject({ status: 'refunded', refunded_cents: total })
    expect(await stockOf(product.id)).toBe(5)
    // Restocked beside the three left: the product's page shows the new count, no card changes.
    expect(cacheCalls.expired).toEqual([`catalog:product:${product.slug}`])
    expect(await refundOrder({ orderId, amountCents: 1, restock: false, reason: '', actorUserId: null })).toEqual({ ok: false, error: 'Only paid orders can be refunded.' })
  })

  it('a checkout whose order was cancelled before its time says so; one whose hold ran out says it expired', async () => {
    const cancelled = await demoOrder(3)
    expect(await cancelUnpaidOrder({ orderId: cancelled.orderId, actor: 'admin', from: 'action' })).toMatchObject({ ok: true })
    expect(await pay(cancelled.sessionId, '4242 4242 4242 4242')).toMatchObject({
      kind: 'returned',
      value: { ok: false, error: 'This checkout is closed: its order was cancelled, so the items went back on sale. Return to your cart to start again.' },
    })
    const lapsed = await demoOrder(3)
    await expireNow(lapsed.orderId)
    expect(await pay(lapsed.sessionId, '4242 4242 4242 4242')).toMatchObject({
      kind: 'returned',
      value: { ok: false, error: 'This checkout has expired, so the items went back on sale. Return to your cart to start again.' },
    })
    expect((await orderRow(cancelled.orderId)).status).toBe('cancelled')
    expect((await orderRow(lapsed.orderId)).status).toBe('cancelled')
  })

  it('a payment that lands after its order was cancelled can be refunded from the shop; the order stays cancelled', async () => {
    const { orderId, sessionId, product } = await demoOrder(5, 1)
    expect(await cancelUnpaidOrder({ orderId, actor: 'admin', from: 'action' })).toMatchObject({ ok: true })
    expect(await stockOf(product.id)).toBe(5)
    // The provider took the money just before its page was closed: the race cancelUnpaidOrder describes.
    await handleLocalEvent('demo', 'checkout.session.completed', {
      id: sessionId,
      object: 'checkout.session',
      client_reference_id: String(orderId),
      metadata: { order_id: String(orderId) },
      status: 'complete',
      payment_status: 'paid',
      payment_intent: `pi_demo_late_${orderId}`,
      customer_details: null,
      collected_information: null,
    })
    const paid = await orderRow(orderId)
    expect(paid).toMatchObject({ status: 'cancelled', payment_state: 'paid' })
    expect(paid.total_cents).toBe(2_000 + 495)
    expect(await refundableCents(orderId)).toMatchObject({ refundableCents: 2_495 })
    // Asked to restock, it does not: the unit went back when the order was cancelled.
    expect(await refundOrder({ orderId, amountCents: 2_495, restock: true, reason: 'Paid after cancelling', actorUserId: null })).toMatchObject({ ok: true })
    expect(await orderRow(orderId)).toMatchObject({ status: 'cancelled', refunded_cents: 2_495 })
    expect(await stockOf(product.id)).toBe(5)
    expect((await orderEventsOf(orderId)).map((event) => event.note)).toEqual(expect.arrayContaining(['Payment received after the order was cancelled: refund it.', 'Refunded $24.95 of $24.95.']))
    expect(await refundOrder({ orderId, amountCents: 1, restock: false, reason: '', actorUserId: null })).toEqual({ ok: false, error: 'This order has already been refunded in full.' })
  })

  it('an unknown session is refused', async () => {
    expect(await pay('cs_demo_doesnotexist', '4242 4242 4242 4242')).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining('does not exist') } })
  })
})
