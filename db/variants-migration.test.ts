/**
 * Migration 0011 (options and variants) on a database in the 0010 shape that already holds
 * products, carts, orders, reviews and stock history: every product becomes a product with one
 * default variant carrying its price and stock, and every cart line, order line and stock movement
 * points at it, with nothing lost.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0011_variants')

const snapshot = async () => ({
  products: await sql`select id, slug, name, price_cents, stock, active, featured, category_id, rating_avg, rating_count from products order by id`,
  cart: await sql`select cart_id, product_id, quantity, seen_price_cents from cart_items order by cart_id, product_id`,
  orderItems: await sql`select id, order_id, product_id, product_slug, name, unit_price_cents::text, quantity from order_items order by id`,
  movements: await sql`select id, product_id, delta, stock_after, reason, order_id, note from stock_movements order by id`,
  reviews: await sql`select id, product_id, user_id, rating, title from reviews order by id`,
})

describe('migration 0011: products with options and variants', () => {
  it('gives every product one default variant with its price and stock, and points cart lines, order lines and stock movements at it', async () => {
    const [category] = await sql<{ id: number }[]>`insert into categories (slug, name) values ('footwear', 'Footwear') returning id`
    const categoryId = category?.id ?? 0
    const made = await sql<{ id: number; slug: string }[]>`
      insert into products (slug, name, price_cents, stock, active, category_id)
      values ('trail-runner-2', 'Trail Runner 2', 12900, 7, true, ${categoryId}),
             ('wool-socks', 'Wool Socks', 1500, 0, true, ${categoryId}),
             ('retired-boot', 'Retired Boot', 8900, 3, false, ${categoryId})
      returning id, slug`
    const [runner, socks, boot] = made.map((row) => row.id)
    await sql`insert into users (id, name, email) values ('user-1', 'Ada Buyer', 'ada@example.com'), ('user-2', 'Bo Reviewer', 'bo@example.com')`
    const carts = await sql<{ id: string }[]>`insert into carts (id, user_id) values ('cart-guest', null), ('cart-ada', 'user-1') returning id`
    expect(carts).toHaveLength(2)
    await sql`insert into cart_items (cart_id, product_id, quantity, seen_price_cents) values
      ('cart-guest', ${runner ?? 0}, 2, 12900), ('cart-guest', ${socks ?? 0}, 1, 1400), ('cart-ada', ${runner ?? 0}, 1, 12900)`
    const orders = await sql<{ id: number }[]>`
      insert into orders (access_key, user_id, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents, expires_at, paid_at, stock_released_at)
      values ('key-1', 'user-1', 'ada@example.com', 'paid', 'paid', 'demo', 'USD', 27300, 0, 27300, now(), now(), null),
             ('key-2', null, 'guest@example.com', 'cancelled', 'unpaid', 'stripe', 'USD', 8900, 495, 9395, now(), null, now())
      returning id`
    const [paid, cancelled] = orders.map((order) => order.id)
    await sql`insert into order_items (order_id, product_id, product_slug, name, unit_price_cents, quantity) values
      (${paid ?? 0}, ${runner ?? 0}, 'trail-runner-2', 'Trail Runner 2', 12900, 2),
      (${paid ?? 0}, ${socks ?? 0}, 'wool-socks', 'Wool Socks', 1500, 1),
      (${cancelled ?? 0}, ${boot ?? 0}, 'retired-boot', 'Retired Boot', 8900, 1)`
    await sql`insert into stock_movements (product_id, delta, stock_after, reason, order_id, note) values
      (${runner ?? 0}, 9, 9, 'adjustment', null, 'Opening stock'),
      (${runner ?? 0}, -2, 7, 'reservation', ${paid ?? 0}, ''),
      (${socks ?? 0}, 1, 1, 'import', null, 'CSV import'),
      (${socks ?? 0}, -1, 0, 'reservation', ${paid ?? 0}, ''),
      (${boot ?? 0}, -1, 2, 'reservation', ${cancelled ?? 0}, ''),
      (${boot ?? 0}, 1, 3, 'release', ${cancelled ?? 0}, 'Order cancelled')`
    await sql`insert into reviews (product_id, user_id, rating, title, body) values
      (${runner ?? 0}, 'user-1', 5, 'Light and grippy', 'Ran a muddy half in them.'),
      (${runner ?? 0}, 'user-2', 4, 'Runs small', 'Take a half size up.')`
    const before = await snapshot()

    await migrateToLatest()

    // Nothing that was there changed.
    expect(await snapshot()).toEqual(before)

    const variants = await sql<
      { id: number; product_id: number; sku: string; option1: string | null; option2: string | null; option3: string | null; price_cents: number; stock: number; active: boolean }[]
    >`
      select id, product_id, sku, option1, option2, option3, price_cents, stock, active from product_variants order by product_id`
    expect(variants.map(({ id: _id, ...variant }) => variant)).toEqual([
      { product_id: runner, sku: 'TRAIL-RUNNER-2', option1: null, option2: null, option3: null, price_cents: 12900, stock: 7, active: true },
      { product_id: socks, sku: 'WOOL-SOCKS', option1: null, option2: null, option3: null, price_cents: 1500, stock: 0, active: true },
      { product_id: boot, sku: 'RETIRED-BOOT', option1: null, option2: null, option3: null, price_cents: 8900, stock: 3, active: true },
    ])
    const variantOf = new Map(variants.map((variant) => [variant.product_id, variant]))
    expect(await sql`select count(*)::int as count from product_options`).toEqual([{ count: 0 }])
    expect(await sql`select id, price_cents, max_price_cents, stock from products order by id`).toEqual([
      { id: runner, price_cents: 12900, max_price_cents: 12900, stock: 7 },
      { id: socks, price_cents: 1500, max_price_cents: 1500, stock: 0 },
      { id: boot, price_cents: 8900, max_price_cents: 8900, stock: 3 },
    ])

    // Every line points at its product's default variant.
    for (const table of ['cart_items', 'order_items', 'stock_movements'] as const) {
      const rows = await sql<{ product_id: number; variant_id: number }[]>`select product_id, variant_id from ${sql(table)}`
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row.variant_id).toBe(variantOf.get(row.product_id)?.id)
    }
    expect(await sql`select product_id, sku, variant_title from order_items order by id`).toEqual([
      { product_id: runner, sku: 'TRAIL-RUNNER-2', variant_title: '' },
      { product_id: socks, sku: 'WOOL-SOCKS', variant_title: '' },
      { product_id: boot, sku: 'RETIRED-BOOT', variant_title: '' },
    ])
    // The stock history moved with its product, movement for movement.
    expect(await sql`select variant_id, sum(delta)::int as total from stock_movements group by variant_id order by variant_id`).toEqual([
      { variant_id: variantOf.get(runner ?? 0)?.id, total: 7 },
      { variant_id: variantOf.get(socks ?? 0)?.id, total: 0 },
      { variant_id: variantOf.get(boot ?? 0)?.id, total: 0 },
    ])

    // The new rules hold: one line per variant in a cart, SKUs unique whatever their case,
    // an ordered variant cannot be deleted, one variant per combination of option values.
    const runnerVariant = variantOf.get(runner ?? 0)?.id ?? 0
    await expect(sql`insert into cart_items (cart_id, product_id, variant_id, quantity, seen_price_cents) values ('cart-guest', ${runner ?? 0}, ${runnerVariant}, 1, 12900)`).rejects.toMatchObject({
      code: '23505',
    })
    await expect(sql`insert into product_variants (product_id, sku, price_cents) values (${socks ?? 0}, 'trail-runner-2', 100)`).rejects.toMatchObject({ code: '23505' })
    await expect(sql`delete from product_variants where id = ${runnerVariant}`).rejects.toMatchObject({ code: '23001' })
    await expect(sql`insert into product_variants (product_id, sku, price_cents) values (${socks ?? 0}, 'WOOL-SOCKS-2', 100)`).rejects.toMatchObject({ code: '23505' })
    await expect(sql`update product_variants set stock = -1 where id = ${runnerVariant}`).rejects.toMatchObject({ code: '23514' })
  })
})
