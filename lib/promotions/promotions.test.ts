/**
 * Promotions through the real cart and checkout: what orders record, codes refused with their
 * reasons, one per customer, uses given back by cancelled and expired orders, and the usage limit
 * under 50 concurrent checkouts (run this file on PGlite and on PostgreSQL).
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { db, sql } from '@/db/client'
import { loadCart } from '@/lib/cart/cart'
import { mergeGuestCart } from '@/lib/cart/merge'
import { applyPromotionCode, removePromotionCode } from '@/lib/cart/promotion-code'
import { createTestUser } from '@/lib/testing/auth'
import { startCheckout } from '@/lib/orders/checkout'
import { getOrderDetail } from '@/lib/orders/queries'
import { transitionOrder } from '@/lib/orders/state-machine'
import { sweepExpiredOrders } from '@/lib/orders/sweeper'
import { completeDemoCheckout } from '@/lib/payments/demo'
import { refundOrder } from '@/lib/payments/refunds'
import { unitsShare } from '@/lib/pricing/allocate'
import { orderTotalsView } from '@/lib/pricing/totals-view'
import { createCartWith, createTestProduct, orderRow, stockOf } from '@/lib/testing/commerce'
import { createTestPromotion, uniqueCode } from '@/lib/testing/promotions'
import { listPromotions } from './queries'

const email = () => `promo-${randomUUID().slice(0, 8)}@example.com`

async function cartWithCode(lines: Parameters<typeof createCartWith>[0], code: string, customerEmail: string | null = null) {
  const cartId = await createCartWith(lines)
  const applied = await applyPromotionCode(cartId, code, customerEmail)
  return { cartId, applied }
}

async function usesOf(promotionId: number) {
  const [row] = await sql<{ uses_count: number; held: number }[]>`
    select uses_count, (select count(*)::int from promotion_redemptions where promotion_id = ${promotionId} and released_at is null) as held
    from promotions where id = ${promotionId}`
  return row
}

describe('a code through cart and checkout', () => {
  it('takes 10 % off, records it per line on the order, and the order shows the cart’s numbers', async () => {
    const lamp = await createTestProduct({ stock: 5, priceCents: 2_000 })
    const mug = await createTestProduct({ stock: 5, priceCents: 1_000 })
    const code = uniqueCode()
    const promotion = await createTestPromotion({ kind: 'percentage', percentBasisPoints: 1_000, code, name: 'Ten off' })
    // typed in lower case with spaces around: the same code
    const { cartId, applied } = await cartWithCode(
      [
        { product: lamp, quantity: 2 },
        { product: mug, quantity: 1 },
      ],
      `  ${code.toLowerCase()} `,
    )
    // 5000 × 10 % = 500, spread 400 / 100; 4500 < 5000 so shipping 4.95 → 4995
    expect(applied).toEqual({ ok: true, code, savedCents: 500, currency: 'USD' })
    const cart = await loadCart(cartId)
    expect(cart.pricing).toMatchObject({ subtotalCents: 5_000, discountCents: 500, shippingCents: 495, totalCents: 4_995 })

    const result = await startCheckout({ cartId, userId: null, email: email() })
    if (!result.ok) throw new Error(result.error)
    const [order] = await sql`select subtotal_cents, discount_cents, shipping_cents, shipping_discount_cents, total_cents from orders where id = ${result.orderId}`
    expect(order).toEqual({ subtotal_cents: 5_000, discount_cents: 500, shipping_cents: 495, shipping_discount_cents: 0, total_cents: 4_995 })
    expect(await sql`select product_id, discount_cents from order_items where order_id = ${result.orderId} order by product_id`).toEqual([
      { product_id: lamp.id, discount_cents: 400 },
      { product_id: mug.id, discount_cents: 100 },
    ])
    expect(await sql`select promotion_id, code, discount_cents, shipping_discount_cents from promotion_redemptions where order_id = ${result.orderId}`).toEqual([
      { promotion_id: promotion.id, code, discount_cents: 500, shipping_discount_cents: 0 },
    ])
    expect(await usesOf(promotion.id)).toEqual({ uses_count: 1, held: 1 })

    const detail = await getOrderDetail(result.orderId)
    if (!detail) throw new Error('order not found')
    expect(orderTotalsView(detail)).toEqual({
      currency: 'USD',
      subtotalCents: 5_000,
      discounts: [{ label: `Code ${code}`, cents: 500 }],
      shippingCents: 495,
      shippingName: 'Standard',
      taxCents: 0,
      taxInclusive: false,
      totalCents: 4_995,
    })
  })

  it('free shipping: the order records the shipping it took off', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 1_500 })
    const code = uniqueCode('SHIP')
    await createTestPromotion({ kind: 'free_shipping', code })
    const { cartId, applied } = await cartWithCode([{ product, quantity: 1 }], code)
    expect(applied).toMatchObject({ ok: true, savedCents: 495 })
    const result = await startCheckout({ cartId, userId: null, email: email() })
    if (!result.ok) throw new Error(result.error)
    const [order] = await sql`select subtotal_cents, discount_cents, shipping_cents, shipping_discount_cents, total_cents from orders where id = ${result.orderId}`
    expect(order).toEqual({ subtotal_cents: 1_500, discount_cents: 0, shipping_cents: 495, shipping_discount_cents: 495, total_cents: 1_500 })
  })

  it('a fixed amount larger than the cart makes the items free, never a negative total, and says so', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 1_200 })
    const code = uniqueCode('BIG')
    await createTestPromotion({ kind: 'fixed', amountCents: 5_000, code })
    const { cartId } = await cartWithCode([{ product, quantity: 2 }], code)
    const cart = await loadCart(cartId)
    expect(cart.pricing).toMatchObject({ subtotalCents: 2_400, discountCents: 2_400, shippingCents: 495, totalCents: 495 })
    expect(cart.pricing.notes).toEqual([`${code} takes off up to $50.00; the items it applies to come to $24.00, so they are now free.`])
    const result = await startCheckout({ cartId, userId: null, email: email() })
    if (!result.ok) throw new Error(result.error)
    expect(await orderRow(result.orderId)).toMatchObject({ total_cents: 495 })
  })
})

describe('signing in', () => {
  it('the code a guest entered follows them into their account’s cart', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 1_000 })
    const code = uniqueCode('FOLLOW')
    await createTestPromotion({ kind: 'fixed', amountCents: 200, code })
    const { cartId } = await cartWithCode([{ product, quantity: 1 }], code)
    const user = await createTestUser()
    const userCartId = await mergeGuestCart(cartId, user.id)
    const cart = await loadCart(userCartId, db, { customerEmail: user.email })
    expect(cart.promotionCode).toBe(code)
    expect(cart.pricing.totalCents).toBe(800 + 495)
  })
})

describe('automatic promotions', () => {
  it('apply without a code, and combine with one code, automatic first', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 4_000 })
    // Scoped to this test's product, so no other test's cart sees it.
    const automatic = await createTestPromotion({ kind: 'percentage', percentBasisPoints: 1_000, name: 'Autumn sale', scope: 'items', productIds: [product.id] })
    const code = uniqueCode('PLUS')
    await createTestPromotion({ kind: 'fixed', amountCents: 500, code })
    try {
      const cartId = await createCartWith([{ product, quantity: 2 }])
      // 8000 − 10 % = 7200, ships free
      expect((await loadCart(cartId)).pricing).toMatchObject({ discountCents: 800, shippingCents: 0, totalCents: 7_200, promotions: [{ promotionId: automatic.id, name: 'Autumn sale' }] })
      // then $5 off what is left: 6700
      expect(await applyPromotionCode(cartId, code, null)).toMatchObject({ ok: true, savedCents: 500 })
      const result = await startCheckout({ cartId, userId: null, email: email() })
      if (!result.ok) throw new Error(result.error)
      expect(await orderRow(result.orderId)).toMatchObject({ total_cents: 6_700 })
      expect(await sql`select promotion_id, code, discount_cents from promotion_redemptions where order_id = ${result.orderId} order by id`).toEqual([
        { promotion_id: automatic.id, code: null, discount_cents: 800 },
        { promotion_id: expect.any(Number), code, discount_cents: 500 },
      ])
    } finally {
      await sql`update promotions set active = false where id = ${automatic.id}`
    }
  })
})

describe('codes that do not apply', () => {
  it('says why, and leaves the cart without the code', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 1_000 })
    const [otherCategory] = await sql<{ id: number }[]>`insert into categories (slug, name, position) values (${`zz-promo-${randomUUID().slice(0, 6)}`}, 'Zz promo category', 999) returning id`
    const expired = uniqueCode('OLD')
    const paused = uniqueCode('PAUSED')
    const minimum = uniqueCode('MIN')
    const elsewhere = uniqueCode('CAT')
    await createTestPromotion({ kind: 'percentage', percentBasisPoints: 1_000, code: expired, startsAt: new Date('2025-01-01T00:00:00Z'), endsAt: new Date('2025-01-31T00:00:00Z') })
    await createTestPromotion({ kind: 'percentage', percentBasisPoints: 1_000, code: paused, active: false })
    await createTestPromotion({ kind: 'fixed', amountCents: 500, code: minimum, minSubtotalCents: 5_000 })
    await createTestPromotion({ kind: 'percentage', percentBasisPoints: 2_000, code: elsewhere, scope: 'items', categoryIds: [otherCategory?.id ?? 0] })
    const cartId = await createCartWith([{ product, quantity: 2 }])

    expect(await applyPromotionCode(cartId, 'NO-SUCH-CODE', null)).toEqual({ ok: false, error: "We don't know the code NO-SUCH-CODE. Check the spelling and try again." })
    expect(await applyPromotionCode(cartId, expired, null)).toEqual({ ok: false, error: `The code ${expired} has expired.` })
    expect(await applyPromotionCode(cartId, paused, null)).toEqual({ ok: false, error: `The code ${paused} is not active right now.` })
    expect(await applyPromotionCode(cartId, minimum, null)).toEqual({ ok: false, error: `The code ${minimum} needs a minimum $50.00 subtotal; add $30.00 more to use it.` })
    expect(await applyPromotionCode(cartId, elsewhere, null)).toEqual({ ok: false, error: `The code ${elsewhere} is not valid for these items.` })
    expect(await applyPromotionCode(cartId, '   ', null)).toEqual({ ok: false, error: 'Enter a code.' })
    const cart = await loadCart(cartId)
    expect(cart.promotionCode).toBeNull()
    expect(cart.pricing.totalCents).toBe(2_000 + 495)
  })

  it('one per customer: the same email cannot use it twice, another can', async () => {
    const product = await createTestProduct({ stock: 10, priceCents: 1_000 })
    const code = uniqueCode('ONCE')
    await createTestPromotion({ kind: 'fixed', amountCents: 300, code, onePerCustomer: true })
    const buyer = email()
    const first = await cartWithCode([{ product, quantity: 1 }], code, buyer)
    expect(first.applied.ok).toBe(true)
    expect((await startCheckout({ cartId: first.cartId, userId: null, email: buyer })).ok).toBe(true)

    // Known email (a signed-in shopper): refused in the cart already.
    const second = await cartWithCode([{ product, quantity: 1 }], code, buyer.toUpperCase())
    expect(second.applied).toEqual({ ok: false, error: `You have already used the code ${code}; it is one per customer.` })
    // A guest whose email is only known at checkout: refused there, nothing written.
    const guest = await cartWithCode([{ product, quantity: 1 }], code, null)
    expect(guest.applied.ok).toBe(true)
    const stockBefore = await stockOf(product.id)
    expect(await startCheckout({ cartId: guest.cartId, userId: null, email: buyer })).toEqual({
      ok: false,
      error: `You have already used the code ${code}; it is one per customer. Remove the code from your cart to check out without it.`,
    })
    expect(await stockOf(product.id)).toBe(stockBefore)
    expect((await startCheckout({ cartId: guest.cartId, userId: null, email: email() })).ok).toBe(true)
    await removePromotionCode(guest.cartId)
  })

  it('a code used up after it was applied stops the checkout instead of charging more', async () => {
    const product = await createTestProduct({ stock: 10, priceCents: 1_000 })
    const code = uniqueCode('LAST')
    await createTestPromotion({ kind: 'fixed', amountCents: 300, code, usageLimit: 1 })
    const mine = await cartWithCode([{ product, quantity: 1 }], code)
    const theirs = await cartWithCode([{ product, quantity: 1 }], code)
    expect((await startCheckout({ cartId: theirs.cartId, userId: null, email: email() })).ok).toBe(true)
    expect(await startCheckout({ cartId: mine.cartId, userId: null, email: email() })).toEqual({
      ok: false,
      error: `The code ${code} has been used up. Remove the code from your cart to check out without it.`,
    })
    expect((await loadCart(mine.cartId)).pricing.codeRejection?.reason).toBe('exhausted')
  })
})

describe('refunds of a discounted order', () => {
  it('refund at most what was paid after the discount, and revenue counts what was paid', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 1_000 })
    const code = uniqueCode('REFUND')
    const promotion = await createTestPromotion({ kind: 'fixed', amountCents: 100, code })
    const { cartId } = await cartWithCode([{ product, quantity: 3 }], code)
    const placed = await startCheckout({ cartId, userId: null, email: email() })
    if (!placed.ok) throw new Error(placed.error)
    const sessionId = (await orderRow(placed.orderId)).checkout_session_id ?? ''
    await completeDemoCheckout(sessionId, {
      email: 'refund-buyer@example.com',
      shipping: { fullName: 'Ada', line1: '1 Lane', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' },
    })
    // 3 × $10.00 − $1.00 = $29.00 for the items, + $4.95 shipping = $33.95 paid
    expect(await orderRow(placed.orderId)).toMatchObject({ status: 'paid', total_cents: 3_395 })
    const [line] = await sql<
      { unit_price_cents: number; quantity: number; discount_cents: number }[]
    >`select unit_price_cents, quantity, discount_cents from order_items where order_id = ${placed.orderId}`
    // One lamp returned: its share of the discounted line, not its list price.
    const oneLamp = unitsShare((line?.unit_price_cents ?? 0) * (line?.quantity ?? 0) - (line?.discount_cents ?? 0), line?.quantity ?? 0, 0, 1)
    expect(oneLamp).toBe(966)
    expect(await refundOrder({ orderId: placed.orderId, amountCents: oneLamp, restock: false, reason: 'one lamp back', actorUserId: null })).toMatchObject({ ok: true })
    expect(await refundOrder({ orderId: placed.orderId, amountCents: 3_395, restock: false, reason: 'too much', actorUserId: null })).toEqual({
      ok: false,
      error: 'You can refund at most $24.29 (paid $33.95, already refunded or in progress $9.66).',
    })
    expect((await listPromotions()).find((row) => row.id === promotion.id)).toMatchObject({ uses: 1, paidOrders: 1, revenueCents: 3_395 - 966, discountGivenCents: 100 })
  })
})

describe('uses given back', () => {
  it('a cancelled unpaid order and an expired one give their use back', async () => {
    const product = await createTestProduct({ stock: 10, priceCents: 1_000 })
    const code = uniqueCode('BACK')
    const promotion = await createTestPromotion({ kind: 'fixed', amountCents: 200, code, usageLimit: 1 })
    const first = await cartWithCode([{ product, quantity: 1 }], code)
    const placed = await startCheckout({ cartId: first.cartId, userId: null, email: email() })
    if (!placed.ok) throw new Error(placed.error)
    expect(await usesOf(promotion.id)).toEqual({ uses_count: 1, held: 1 })
    expect((await applyPromotionCode(await createCartWith([{ product, quantity: 1 }]), code, null)).ok).toBe(false)

    await db.transaction((tx) => transitionOrder(tx, { orderId: placed.orderId, to: 'cancelled', actor: 'system' }))
    expect(await usesOf(promotion.id)).toEqual({ uses_count: 0, held: 0 })

    const second = await cartWithCode([{ product, quantity: 1 }], code)
    expect(second.applied.ok).toBe(true)
    const again = await startCheckout({ cartId: second.cartId, userId: null, email: email() })
    if (!again.ok) throw new Error(again.error)
    expect(await usesOf(promotion.id)).toEqual({ uses_count: 1, held: 1 })
    await sql`update orders set expires_at = now() - interval '5 minutes' where id = ${again.orderId}`
    await sweepExpiredOrders()
    expect(await orderRow(again.orderId)).toMatchObject({ status: 'cancelled' })
    expect(await usesOf(promotion.id)).toEqual({ uses_count: 0, held: 0 })
  })
})

describe('usage limit under concurrent checkouts', () => {
  it('50 checkouts at once with a code limited to 10 uses: exactly 10 orders get it', async () => {
    const product = await createTestProduct({ stock: 100, priceCents: 2_000 })
    const code = uniqueCode('RACE')
    const promotion = await createTestPromotion({ kind: 'percentage', percentBasisPoints: 2_500, code, usageLimit: 10 })
    const carts = await Promise.all(Array.from({ length: 50 }, () => cartWithCode([{ product, quantity: 1 }], code)))
    expect(carts.every((cart) => cart.applied.ok)).toBe(true)
    const results = await Promise.all(carts.map(({ cartId }) => startCheckout({ cartId, userId: null, email: email() })))
    const placed = results.filter((result) => result.ok)
    expect(placed).toHaveLength(10)
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.error.includes('used up'))).toBe(true)
    const [counted] = await sql<{ orders: number; discounted: number }[]>`
      select count(distinct r.order_id)::int as orders, count(*) filter (where o.discount_cents = 500)::int as discounted
      from promotion_redemptions r join orders o on o.id = r.order_id where r.promotion_id = ${promotion.id}`
    expect(counted).toEqual({ orders: 10, discounted: 10 })
    expect(await usesOf(promotion.id)).toEqual({ uses_count: 10, held: 10 })
    expect(await stockOf(product.id)).toBe(90)
  })
})
