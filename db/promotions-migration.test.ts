/**
 * Migration 0014 (promotions) on a database that already holds carts, orders and refunds: every
 * amount survives, old orders read as undiscounted, and the new checks refuse impossible promotions.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

// The rows below are written in the shape the shop had before variants (0011), the oldest this
// migration meets in the wild; migrating then runs 0011 and this migration over them.
const { sql, migrateToLatest } = databaseBefore('0011_variants')

const snapshot = () => sql`
  select o.id, o.status, o.subtotal_cents::text, o.shipping_cents::text, o.total_cents::text, o.refunded_cents::text,
    (select json_agg(json_build_array(oi.product_slug, oi.unit_price_cents::text, oi.quantity) order by oi.id) from order_items oi where oi.order_id = o.id) as items,
    (select json_agg(json_build_array(r.amount_cents::text, r.status) order by r.id) from refunds r where r.order_id = o.id) as refunds
  from orders o order by o.id`

describe('migration 0014: promotions', () => {
  it('keeps existing orders and carts as they were, undiscounted, and guards the new tables', async () => {
    const [category] = await sql<{ id: number }[]>`insert into categories (slug, name) values ('lighting', 'Lighting') returning id`
    const [lamp] = await sql<{ id: number }[]>`
      insert into products (slug, name, price_cents, stock, category_id) values ('brass-lamp', 'Brass Lamp', 4999, 12, ${category?.id ?? 0}) returning id`
    await sql`insert into users (id, name, email) values ('user-1', 'Ada Buyer', 'ada@example.com')`
    const [cart] = await sql<{ id: string }[]>`insert into carts (id, user_id) values ('cart-1', 'user-1') returning id`
    await sql`insert into cart_items (cart_id, product_id, quantity, seen_price_cents) values (${cart?.id ?? ''}, ${lamp?.id ?? 0}, 2, 4999)`
    const orders = await sql<{ id: number }[]>`
      insert into orders (access_key, user_id, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents, refunded_cents, expires_at, paid_at)
      values
        ('key-1', 'user-1', 'ada@example.com', 'paid', 'paid', 'demo', 'USD', 9998, 0, 9998, 0, now(), now()),
        ('key-2', null, 'guest@example.com', 'partially_refunded', 'paid', 'stripe', 'USD', 4999, 495, 5494, 1500, now(), now())
      returning id`
    const [paid, refunded] = orders.map((order) => order.id)
    await sql`
      insert into order_items (order_id, product_id, product_slug, name, unit_price_cents, quantity) values
        (${paid ?? 0}, ${lamp?.id ?? 0}, 'brass-lamp', 'Brass Lamp', 4999, 2),
        (${refunded ?? 0}, ${lamp?.id ?? 0}, 'brass-lamp', 'Brass Lamp', 4999, 1)`
    await sql`insert into refunds (order_id, amount_cents, status, reason) values (${refunded ?? 0}, 1500, 'succeeded', 'scratched')`
    const before = await snapshot()

    await migrateToLatest()

    expect(await snapshot()).toEqual(before)
    expect(await sql`select id, discount_cents::int, shipping_discount_cents::int from orders order by id`).toEqual([
      { id: paid, discount_cents: 0, shipping_discount_cents: 0 },
      { id: refunded, discount_cents: 0, shipping_discount_cents: 0 },
    ])
    expect(await sql`select distinct discount_cents::int from order_items`).toEqual([{ discount_cents: 0 }])
    expect(await sql`select id, promotion_code from carts`).toEqual([{ id: 'cart-1', promotion_code: null }])

    // A well-formed code is stored; impossible ones are refused by the database itself.
    await sql`insert into promotions (name, code, kind, percent_basis_points, usage_limit) values ('Weekend', 'WEEKEND20', 'percentage', 2000, 10)`
    const refused = [
      sql`insert into promotions (name, kind, percent_basis_points) values ('Too much', 'percentage', 10001)`,
      sql`insert into promotions (name, kind, percent_basis_points) values ('Negative', 'percentage', -500)`,
      sql`insert into promotions (name, kind, amount_cents) values ('Negative', 'fixed', -100)`,
      sql`insert into promotions (name, kind, percent_basis_points, starts_at, ends_at) values ('Backwards', 'percentage', 1000, '2026-12-02', '2026-12-01')`,
      sql`insert into promotions (name, kind, usage_limit) values ('No uses', 'free_shipping', 0)`,
      sql`update order_items set discount_cents = unit_price_cents * quantity + 1 where order_id = ${paid ?? 0}`,
    ]
    for (const statement of refused) await expect(statement).rejects.toMatchObject({ code: '23514' })
    await expect(sql`insert into promotions (name, code, kind) values ('Twin', 'WEEKEND20', 'free_shipping')`).rejects.toMatchObject({ code: '23505' })
  })
})
