import { describe, expect, it } from 'vitest'
import { db, sql } from '@/db/client'
import { cacheCalls } from '@/lib/testing/next-cache'
import { changeTestVariant, createCartWith, createTestProduct, createTestProductWithVariants, orderEventsOf, orderRow, stockOf, variantStockOf, withVariant } from '@/lib/testing/commerce'
import { startCheckout } from './checkout'
import { transitionOrder } from './state-machine'

const email = 'checkout-test@example.com'

async function orderCountFor(productId: number) {
  const [row] = await sql<{ count: number }[]>`select count(distinct order_id)::int as count from order_items where product_id = ${productId}`
  return row?.count ?? 0
}

describe('checkout', () => {
  it('writes a pending order with snapshots and totals from database prices and reserves the stock', async () => {
    const lamp = await createTestProduct({ stock: 5, priceCents: 1_999 })
    const mug = await createTestProduct({ stock: 9, priceCents: 650 })
    const cartId = await createCartWith([
      { product: lamp, quantity: 2 },
      { product: mug, quantity: 3 },
    ])
    const result = await startCheckout({ cartId, userId: null, email })
    expect(result).toMatchObject({ ok: true, url: expect.stringMatching(/^\/checkout\/demo\/cs_demo_/) })
    if (!result.ok) return
    const [order] = await sql`select * from orders where id = ${result.orderId}`
    expect(order).toMatchObject({ status: 'pending', payment_state: 'unpaid', email, currency: 'USD', subtotal_cents: 2 * 1_999 + 3 * 650, shipping_cents: 0, total_cents: 5_948, provider: 'demo' })
    expect(new Date(order?.expires_at).getTime() - Date.now()).toBeGreaterThan(29 * 60_000)
    const items = await sql`select product_id, name, unit_price_cents, quantity from order_items where order_id = ${result.orderId} order by product_id`
    expect(items).toEqual([
      { product_id: lamp.id, name: lamp.name, unit_price_cents: 1_999, quantity: 2 },
      { product_id: mug.id, name: mug.name, unit_price_cents: 650, quantity: 3 },
    ])
    expect(await stockOf(lamp.id)).toBe(3)
    expect(await stockOf(mug.id)).toBe(6)
    expect(await sql`select delta, stock_after, reason from stock_movements where order_id = ${result.orderId} order by product_id`).toEqual([
      { delta: -2, stock_after: 3, reason: 'reservation' },
      { delta: -3, stock_after: 6, reason: 'reservation' },
    ])
    expect(await orderEventsOf(result.orderId)).toMatchObject([{ from_status: null, to_status: 'pending', actor: 'customer' }])
  })

  it('charges shipping below the free-shipping threshold', async () => {
    const cheap = await createTestProduct({ stock: 5, priceCents: 1_000 })
    const result = await startCheckout({ cartId: await createCartWith([{ product: cheap, quantity: 1 }]), userId: null, email })
    expect(result.ok).toBe(true)
    if (result.ok) expect(await orderRow(result.orderId)).toMatchObject({ total_cents: 1_495 })
  })

  it('a price changed since the item was added is shown first, then charged as it is now', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 1_000 })
    const cartId = await createCartWith([{ product, quantity: 1 }])
    await changeTestVariant(product.variantId, { priceCents: 1_200 })
    const first = await startCheckout({ cartId, userId: null, email })
    expect(first).toEqual({ ok: false, error: expect.stringContaining('prices changed') })
    expect(await stockOf(product.id)).toBe(5)
    expect(await orderCountFor(product.id)).toBe(0)
    const second = await startCheckout({ cartId, userId: null, email })
    expect(second.ok).toBe(true)
    if (second.ok) expect(await orderRow(second.orderId)).toMatchObject({ total_cents: 1_200 + 495 })
  })

  it.each([
    ['an inactive product', { stock: 5, active: false }, 1, 'no longer sold'],
    ['a sold-out product', { stock: 0 }, 1, 'sold out'],
    ['more than is in stock', { stock: 2 }, 3, 'only 2'],
  ])('refuses %s and changes nothing', async (_name, fixture, quantity, message) => {
    const product = await createTestProduct(fixture)
    const result = await startCheckout({ cartId: await createCartWith([{ product, quantity }]), userId: null, email })
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) })
    expect(await stockOf(product.id)).toBe(fixture.stock)
    expect(await orderCountFor(product.id)).toBe(0)
  })

  it('refuses an empty or missing cart', async () => {
    expect(await startCheckout({ cartId: await createCartWith([]), userId: null, email })).toEqual({ ok: false, error: 'Your cart is empty.' })
    expect(await startCheckout({ cartId: null, userId: null, email })).toEqual({ ok: false, error: 'Your cart is empty.' })
  })
})

describe('the last units', () => {
  it('200 concurrent checkouts for 10 in stock: exactly 10 orders, stock ends at 0', async () => {
    const product = await createTestProduct({ stock: 10 })
    const carts = await Promise.all(Array.from({ length: 200 }, () => createCartWith([{ product, quantity: 1 }])))
    const results = await Promise.all(carts.map((cartId) => startCheckout({ cartId, userId: null, email })))
    expect(results.filter((result) => result.ok)).toHaveLength(10)
    for (const result of results.filter((result) => !result.ok)) {
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/sold out|last units|only/) })
    }
    expect(await stockOf(product.id)).toBe(0)
    expect(await orderCountFor(product.id)).toBe(10)
    const [reserved] = await sql<{ total: number }[]>`select coalesce(sum(-delta), 0)::int as total from stock_movements where product_id = ${product.id} and reason = 'reservation'`
    expect(reserved?.total).toBe(10)
  })

  it('200 concurrent checkouts of a two-product cart: the scarcer product bounds the orders, nothing goes negative', async () => {
    const plenty = await createTestProduct({ stock: 10 })
    const scarce = await createTestProduct({ stock: 5 })
    const carts = await Promise.all(
      Array.from({ length: 200 }, () =>
        createCartWith([
          { product: plenty, quantity: 1 },
          { product: scarce, quantity: 1 },
        ]),
      ),
    )
    const results = await Promise.all(carts.map((cartId) => startCheckout({ cartId, userId: null, email })))
    expect(results.filter((result) => result.ok)).toHaveLength(5)
    expect(await stockOf(scarce.id)).toBe(0)
    expect(await stockOf(plenty.id)).toBe(5)
    expect(await orderCountFor(plenty.id)).toBe(5)
  })
})

describe('the last units of one variant', () => {
  const shoe = () =>
    createTestProductWithVariants({
      options: [
        { name: 'Size', values: ['41', '42'] },
        { name: 'Colour', values: ['Black', 'Sand'] },
      ],
      variants: [
        { values: ['41', 'Black'], priceCents: 12_900, stock: 50 },
        { values: ['42', 'Black'], priceCents: 12_900, stock: 10 },
        { values: ['42', 'Sand'], priceCents: 13_900, stock: 4 },
      ],
    })

  it('200 concurrent checkouts for the last 10 of size 42 / Black sell exactly 10; the other sizes keep their stock', async () => {
    const product = await shoe()
    const [size41, size42] = product.variants
    if (!size41 || !size42) throw new Error('fixture variants missing')
    const carts = await Promise.all(Array.from({ length: 200 }, () => createCartWith([{ product: withVariant(product, size42), quantity: 1 }])))
    const results = await Promise.all(carts.map((cartId) => startCheckout({ cartId, userId: null, email })))
    expect(results.filter((result) => result.ok)).toHaveLength(10)
    for (const result of results.filter((result) => !result.ok)) {
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/sold out|last units|only/) })
    }
    expect(await variantStockOf(size42.id)).toBe(0)
    expect(await variantStockOf(size41.id)).toBe(50)
    // The product's listing stock is the sum over its variants, kept in the same transactions.
    expect(await stockOf(product.id)).toBe(50 + 4)
    const [sold] = await sql<{ lines: number; units: number }[]>`select count(*)::int as lines, coalesce(sum(quantity), 0)::int as units from order_items where variant_id = ${size42.id}`
    expect(sold).toEqual({ lines: 10, units: 10 })
    const [reserved] = await sql<{ total: number }[]>`select coalesce(sum(-delta), 0)::int as total from stock_movements where variant_id = ${size42.id} and reason = 'reservation'`
    expect(reserved?.total).toBe(10)
  })

  it('a cart with two variants of one product reserves each, and a cancellation returns each to its own variant', async () => {
    const product = await shoe()
    const [, black42, sand42] = [product.variants[0], product.variants[1], product.variants[2]]
    if (!black42 || !sand42) throw new Error('fixture variants missing')
    const cartId = await createCartWith([
      { product: withVariant(product, black42), quantity: 3 },
      { product: withVariant(product, sand42), quantity: 2 },
    ])
    const result = await startCheckout({ cartId, userId: null, email })
    if (!result.ok) throw new Error(result.error)
    expect(await variantStockOf(black42.id)).toBe(7)
    expect(await variantStockOf(sand42.id)).toBe(2)
    expect(await stockOf(product.id)).toBe(50 + 7 + 2)
    expect(await sql`select variant_title, sku, unit_price_cents::int as price, quantity from order_items where order_id = ${result.orderId} order by variant_id`).toEqual([
      { variant_title: '42 / Black', sku: black42.sku, price: 12_900, quantity: 3 },
      { variant_title: '42 / Sand', sku: sand42.sku, price: 13_900, quantity: 2 },
    ])
    expect(await orderRow(result.orderId)).toMatchObject({ total_cents: 3 * 12_900 + 2 * 13_900 })
    await db.transaction((tx) => transitionOrder(tx, { orderId: result.orderId, to: 'cancelled', actor: 'system', note: 'test' }))
    expect(await variantStockOf(black42.id)).toBe(10)
    expect(await variantStockOf(sand42.id)).toBe(4)
    expect(await stockOf(product.id)).toBe(64)
  })

  it('200 concurrent checkouts of a cart holding two variants of one product: the scarcer variant bounds the orders', async () => {
    const product = await shoe()
    const [, black42, sand42] = product.variants
    if (!black42 || !sand42) throw new Error('fixture variants missing')
    const carts = await Promise.all(
      Array.from({ length: 200 }, () =>
        createCartWith([
          { product: withVariant(product, black42), quantity: 1 },
          { product: withVariant(product, sand42), quantity: 1 },
        ]),
      ),
    )
    const results = await Promise.all(carts.map((cartId) => startCheckout({ cartId, userId: null, email })))
    expect(results.filter((result) => result.ok)).toHaveLength(4)
    expect(await variantStockOf(sand42.id)).toBe(0)
    expect(await variantStockOf(black42.id)).toBe(6)
    expect(await stockOf(product.id)).toBe(56)
  })

  it('refuses an archived variant and more than one variant has, naming the variant, and changes nothing', async () => {
    const product = await shoe()
    const [black41, black42] = product.variants
    if (!black41 || !black42) throw new Error('fixture variants missing')
    const tooMany = await startCheckout({ cartId: await createCartWith([{ product: withVariant(product, black42), quantity: 11 }]), userId: null, email })
    expect(tooMany).toEqual({ ok: false, error: expect.stringContaining(`only 10 of ${product.name} — 42 / Black are left`) })
    const cartId = await createCartWith([{ product: withVariant(product, black41), quantity: 1 }])
    await changeTestVariant(black41.id, { active: false })
    expect(await startCheckout({ cartId, userId: null, email })).toEqual({ ok: false, error: expect.stringContaining(`${product.name} — 41 / Black is no longer sold`) })
    expect(await variantStockOf(black41.id)).toBe(50)
    expect(await variantStockOf(black42.id)).toBe(10)
    expect(await orderCountFor(product.id)).toBe(0)
  })
})

describe('cached lists of product cards after a checkout', () => {
  const cards = 'catalog:cards'

  it('expire only when the last unit of a product is taken, across all its variants', async () => {
    const lamp = await createTestProductWithVariants({
      options: [{ name: 'Colour', values: ['Oat', 'Sage'] }],
      variants: [
        { values: ['Oat'], priceCents: 4_500, stock: 1 },
        { values: ['Sage'], priceCents: 4_500, stock: 2 },
      ],
    })
    const [oat, sage] = lamp.variants
    if (!oat || !sage) throw new Error('fixture variants missing')
    const buy = async (variant: typeof oat, quantity: number) => {
      const cartId = await createCartWith([{ product: withVariant(lamp, variant), quantity }])
      cacheCalls.expired.length = 0
      expect(await startCheckout({ cartId, userId: null, email })).toMatchObject({ ok: true })
      return [...cacheCalls.expired]
    }

    // The last Oat, with two Sage left: the product page changes (its stock), the cards do not.
    const oatSoldOut = await buy(oat, 1)
    expect(oatSoldOut).toContain(`catalog:product:${lamp.slug}`)
    expect(oatSoldOut).not.toContain(cards)
    expect(await buy(sage, 1)).not.toContain(cards)
    // The very last unit: every card showing the lamp must now say "Sold out".
    expect(await buy(sage, 1)).toContain(cards)
    expect(await stockOf(lamp.id)).toBe(0)
  })

  it('expire when an order of two products sells one of them out', async () => {
    const lastOne = await createTestProduct({ stock: 1 })
    const plenty = await createTestProduct({ stock: 30 })
    const cartId = await createCartWith([
      { product: lastOne, quantity: 1 },
      { product: plenty, quantity: 2 },
    ])
    cacheCalls.expired.length = 0
    expect(await startCheckout({ cartId, userId: null, email })).toMatchObject({ ok: true })
    expect(cacheCalls.expired).toEqual(expect.arrayContaining([cards, `catalog:product:${lastOne.slug}`, `catalog:product:${plenty.slug}`]))
  })
})
