import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, sql } from '@/db/client'
import { cartItems } from '@/db/schema'
import { loadCart } from '@/lib/cart/cart'
import { payDemoCheckoutAction } from '@/lib/payments/actions'
import { createTestUser, formData, outcomeOf } from '@/lib/testing/auth'
import { createCartWith, createTestProduct, orderRow, stockOf } from '@/lib/testing/commerce'
import { startCheckout } from './checkout'
import { listOrdersForUser } from './queries'

/** A declined card, then a retry from the cart: the open attempt is reused, or released at once. */

const address = { fullName: 'Retry Buyer', line1: '5 Test Lane', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' }

async function pay(url: string, cardNumber: string) {
  const sessionId = url.split('/').pop() ?? ''
  return outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, email: 'retry@example.com', cardNumber, expiry: '12 / 39', cvc: '123', ...address })))
}

async function ordersOf(productId: number) {
  return sql<{ id: number; status: string; payment_state: string }[]>`
    select distinct o.id, o.status, o.payment_state from orders o join order_items i on i.order_id = o.id
    where i.product_id = ${productId} order by o.id`
}

async function checkout(cartId: string, userId: string | null = null, email = 'retry@example.com') {
  const result = await startCheckout({ cartId, userId, email })
  if (!result.ok) throw new Error(result.error)
  return result
}

describe('retrying a checkout', () => {
  it('after a declined card, checking out the same cart again reuses the order, its payment page and its reservation', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 2_500 })
    const cartId = await createCartWith([{ product, quantity: 2 }])
    const first = await checkout(cartId)
    expect(await pay(first.url, '4000 0000 0000 0002')).toMatchObject({ kind: 'returned', value: { ok: false } })

    const retry = await checkout(cartId)
    expect(retry).toEqual({ ok: true, orderId: first.orderId, url: first.url })
    expect(await stockOf(product.id)).toBe(3)
    expect(await pay(retry.url, '4242 4242 4242 4242')).toMatchObject({ kind: 'redirect' })
    expect(await ordersOf(product.id)).toEqual([{ id: first.orderId, status: 'paid', payment_state: 'paid' }])
    expect(await stockOf(product.id)).toBe(3)
  })

  it('a changed cart releases the previous attempt at once: cancelled, its stock back on sale, its payment page closed', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 2_500 })
    const cartId = await createCartWith([{ product, quantity: 2 }])
    const first = await checkout(cartId)
    expect(await stockOf(product.id)).toBe(3)

    await db.update(cartItems).set({ quantity: 3 }).where(eq(cartItems.cartId, cartId))
    const second = await checkout(cartId)
    expect(second.orderId).not.toBe(first.orderId)
    expect(await orderRow(first.orderId)).toMatchObject({ status: 'cancelled', payment_state: 'unpaid' })
    // 5 − 3 for the new attempt only: the first attempt's 2 went back before the new reservation.
    expect(await stockOf(product.id)).toBe(2)
    // Its page was closed by the newer checkout, before its hold ran out.
    expect(await pay(first.url, '4242 4242 4242 4242')).toMatchObject({
      kind: 'returned',
      value: { ok: false, error: 'This checkout is closed: its order was cancelled, so the items went back on sale. Return to your cart to start again.' },
    })
    expect(await orderRow(first.orderId)).toMatchObject({ status: 'cancelled', payment_state: 'unpaid' })
  })

  it('the shopper’s own reservation counts for the retry: the last units are not “sold out” to them', async () => {
    const product = await createTestProduct({ stock: 2, priceCents: 2_500 })
    const cartId = await createCartWith([{ product, quantity: 2 }])
    const first = await checkout(cartId)
    expect(await stockOf(product.id)).toBe(0)
    // Back in their cart, the units they hold are theirs: no "sold out", checkout stays open.
    const cart = await loadCart(cartId)
    expect(cart.lines).toMatchObject([{ productId: product.id, quantity: 2, stock: 2, issue: null }])
    expect(cart.pricing.totalCents).toBe(5_000)
    // Another shopper's cart sees the shelf as it is.
    expect((await loadCart(await createCartWith([{ product, quantity: 1 }]))).lines).toMatchObject([{ stock: 0, issue: 'out_of_stock' }])
    expect(await checkout(cartId)).toMatchObject({ orderId: first.orderId })

    // Fewer units now: the old hold is released before the new one is taken, so it fits.
    await db.update(cartItems).set({ quantity: 1 }).where(eq(cartItems.cartId, cartId))
    const smaller = await checkout(cartId)
    expect(smaller.orderId).not.toBe(first.orderId)
    expect(await stockOf(product.id)).toBe(1)
  })

  it('a different email, or an attempt about to expire, is not reused but replaced', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 2_500 })
    const cartId = await createCartWith([{ product, quantity: 1 }])
    const first = await checkout(cartId, null, 'first@example.com')
    const second = await checkout(cartId, null, 'second@example.com')
    expect(second.orderId).not.toBe(first.orderId)
    expect(await orderRow(first.orderId)).toMatchObject({ status: 'cancelled' })

    await sql`update orders set expires_at = now() + interval '2 minutes' where id = ${second.orderId}`
    const third = await checkout(cartId, null, 'second@example.com')
    expect(third.orderId).not.toBe(second.orderId)
    expect(await orderRow(second.orderId)).toMatchObject({ status: 'cancelled' })
    expect(await stockOf(product.id)).toBe(4)
  })

  it('an attempt paid meanwhile is left alone', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 2_500 })
    const cartId = await createCartWith([{ product, quantity: 1 }])
    const first = await checkout(cartId)
    // Paid in another tab; the cart line it bought is gone, the shopper adds the item again.
    expect(await pay(first.url, '4242 4242 4242 4242')).toMatchObject({ kind: 'redirect' })
    await createCartWith([{ product, quantity: 1 }])
    await db.insert(cartItems).values({ cartId, productId: product.id, variantId: product.variantId, quantity: 1, seenPriceCents: 2_500 })
    const second = await checkout(cartId)
    expect(second.orderId).not.toBe(first.orderId)
    expect(await orderRow(first.orderId)).toMatchObject({ status: 'paid' })
  })

  it('order history lists paid orders, never unpaid attempts', async () => {
    const user = await createTestUser()
    const product = await createTestProduct({ stock: 5, priceCents: 2_500 })
    const cartId = await createCartWith([{ product, quantity: 1 }], user.id)
    const first = await checkout(cartId, user.id, user.email)
    expect(await pay(first.url, '4000 0000 0000 0002')).toMatchObject({ kind: 'returned' })
    expect(await listOrdersForUser(user.id)).toEqual([])

    await db.update(cartItems).set({ quantity: 2 }).where(eq(cartItems.cartId, cartId))
    const second = await checkout(cartId, user.id, user.email)
    expect(await pay(second.url, '4242 4242 4242 4242')).toMatchObject({ kind: 'redirect' })
    expect((await listOrdersForUser(user.id)).map((order) => [order.id, order.status])).toEqual([[second.orderId, 'paid']])
  })
})
