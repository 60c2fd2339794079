/**
 * A discounted order through the real `stripe` SDK against the local fake Stripe API: the Checkout
 * Session charges exactly the order's total, line by line.
 */
import { describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { applyPromotionCode } from '@/lib/cart/promotion-code'
import { startCheckout } from '@/lib/orders/checkout'
import { createCartWith, createTestProduct } from '@/lib/testing/commerce'
import { fakeStripeForFile } from '@/lib/testing/fake-stripe'
import { createTestPromotion, uniqueCode } from '@/lib/testing/promotions'

const fakePort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  process.env.STRIPE_SECRET_KEY = 'sk_test_fixture'
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_fixture_secret'
  process.env.STRIPE_API_URL = `http://127.0.0.1:${port}`
  return port
})

const fake = fakeStripeForFile(fakePort)

async function checkoutWithCode(lines: Parameters<typeof createCartWith>[0], code: string) {
  const cartId = await createCartWith(lines)
  expect((await applyPromotionCode(cartId, code, null)).ok).toBe(true)
  const before = fake.requests.length
  const result = await startCheckout({ cartId, userId: null, email: 'stripe-promo@example.com' })
  if (!result.ok) throw new Error(result.error)
  const request = fake.requests.slice(before).find((candidate) => candidate.path === '/v1/checkout/sessions')
  const [order] = await sql<{ total_cents: number; checkout_session_id: string }[]>`select total_cents, checkout_session_id from orders where id = ${result.orderId}`
  return { request, order, session: fake.sessions.get(order?.checkout_session_id ?? '') }
}

describe('a discounted order on Stripe Checkout', () => {
  it('charges the discounted lines in whole units and the same total as the order', async () => {
    const lamp = await createTestProduct({ stock: 5, priceCents: 1_000 })
    const code = uniqueCode('STRIPE')
    await createTestPromotion({ kind: 'fixed', amountCents: 100, code })
    const { request, order, session } = await checkoutWithCode([{ product: lamp, quantity: 3 }], code)
    // 3 × $10.00 − $1.00 = $29.00 → 2 × $9.67 + 1 × $9.66; + $4.95 shipping = $33.95
    expect(request?.params).toMatchObject({
      'line_items[0][quantity]': '2',
      'line_items[0][price_data][unit_amount]': '967',
      'line_items[0][price_data][product_data][name]': `${lamp.name} (discounted)`,
      'line_items[1][quantity]': '1',
      'line_items[1][price_data][unit_amount]': '966',
      'shipping_options[0][shipping_rate_data][fixed_amount][amount]': '495',
    })
    expect(request?.params['line_items[2][quantity]']).toBeUndefined()
    expect(order?.total_cents).toBe(3_395)
    expect(session?.amount_total).toBe(3_395)
  })

  it('a free-shipping code makes Stripe’s shipping free too', async () => {
    const mug = await createTestProduct({ stock: 5, priceCents: 1_250 })
    const code = uniqueCode('FREESHIP')
    await createTestPromotion({ kind: 'free_shipping', code })
    const { request, order, session } = await checkoutWithCode([{ product: mug, quantity: 2 }], code)
    expect(request?.params).toMatchObject({ 'line_items[0][quantity]': '2', 'line_items[0][price_data][unit_amount]': '1250', 'shipping_options[0][shipping_rate_data][fixed_amount][amount]': '0' })
    expect(order?.total_cents).toBe(2_500)
    expect(session?.amount_total).toBe(2_500)
  })

  it('a total under Stripe’s 50-cent minimum is refused with what to do, before any order or session exists', async () => {
    const sticker = await createTestProduct({ stock: 5, priceCents: 20 })
    const code = uniqueCode('FREESHIP')
    await createTestPromotion({ kind: 'free_shipping', code })
    const cartId = await createCartWith([{ product: sticker, quantity: 1 }])
    expect((await applyPromotionCode(cartId, code, null)).ok).toBe(true)
    const before = fake.requests.length

    const result = await startCheckout({ cartId, userId: null, email: 'small-total@example.com' })

    expect(result).toEqual({ ok: false, error: 'Card payments start at $0.50, and this order comes to $0.20. Add to your cart to reach $0.50, or check out without the code.' })
    expect(fake.requests.slice(before).filter((request) => request.path === '/v1/checkout/sessions')).toHaveLength(0)
    const [written] = await sql<{ count: number }[]>`select count(*)::int as count from order_items where product_id = ${sticker.id}`
    expect(written?.count).toBe(0)
    const [stock] = await sql<{ stock: number }[]>`select stock from products where id = ${sticker.id}`
    expect(stock?.stock).toBe(5)

    // Three of them come to $0.60: paid by card as usual.
    const three = await createCartWith([{ product: sticker, quantity: 3 }])
    expect((await applyPromotionCode(three, code, null)).ok).toBe(true)
    const paid = await startCheckout({ cartId: three, userId: null, email: 'small-total@example.com' })
    expect(paid.ok).toBe(true)
  })
})
