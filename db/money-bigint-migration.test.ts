/**
 * Migration 0010 (order money to bigint) on a database that already holds orders: the amounts
 * survive exactly, the constraints still hold, and a total above 2^31 cents now fits.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0010_money_bigint')

const moneySnapshot = () => sql`
  select o.id, o.status, o.subtotal_cents::text, o.shipping_cents::text, o.total_cents::text, o.refunded_cents::text,
    (select json_agg(json_build_array(oi.product_slug, oi.unit_price_cents::text, oi.quantity) order by oi.id) from order_items oi where oi.order_id = o.id) as items,
    (select json_agg(json_build_array(r.amount_cents::text, r.status) order by r.id) from refunds r where r.order_id = o.id) as refunds
  from orders o order by o.id`

describe('migration 0010: order money as bigint', () => {
  it('keeps every amount of existing orders, items and refunds, and then takes totals above 2^31 cents', async () => {
    const [category] = await sql<{ id: number }[]>`insert into categories (slug, name) values ('lighting', 'Lighting') returning id`
    const lamps = await sql<{ id: number; slug: string }[]>`
      insert into products (slug, name, price_cents, stock, category_id)
      values ('brass-lamp', 'Brass Lamp', 4999, 12, ${category?.id ?? 0}), ('reading-lamp', 'Reading Lamp', 2147483647, 3, ${category?.id ?? 0})
      returning id, slug`
    const [brass, reading] = lamps
    await sql`insert into users (id, name, email) values ('user-1', 'Ada Buyer', 'ada@example.com')`
    const orders = await sql<{ id: number }[]>`
      insert into orders (access_key, user_id, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents, refunded_cents, expires_at, paid_at)
      values
        ('key-1', 'user-1', 'ada@example.com', 'paid', 'paid', 'demo', 'USD', 9998, 0, 9998, 0, now(), now()),
        ('key-2', 'user-1', 'ada@example.com', 'partially_refunded', 'paid', 'stripe', 'USD', 4999, 495, 5494, 1500, now(), now()),
        ('key-3', null, 'guest@example.com', 'pending', 'unpaid', 'demo', 'USD', 2147483647, 0, 2147483647, 0, now() + interval '31 minutes', null)
      returning id`
    const [paid, refunded, pending] = orders.map((order) => order.id)
    await sql`
      insert into order_items (order_id, product_id, product_slug, name, unit_price_cents, quantity) values
        (${paid ?? 0}, ${brass?.id ?? 0}, 'brass-lamp', 'Brass Lamp', 4999, 2),
        (${refunded ?? 0}, ${brass?.id ?? 0}, 'brass-lamp', 'Brass Lamp', 4999, 1),
        (${pending ?? 0}, ${reading?.id ?? 0}, 'reading-lamp', 'Reading Lamp', 2147483647, 1)`
    await sql`insert into refunds (order_id, amount_cents, status, reason) values (${refunded ?? 0}, 1500, 'succeeded', 'scratched')`
    const before = await moneySnapshot()
    expect(before).toHaveLength(3)

    await migrateToLatest()

    expect(await moneySnapshot()).toEqual(before)
    const types = await sql<{ table_name: string; column_name: string; data_type: string }[]>`
      select table_name, column_name, data_type from information_schema.columns
      where (table_name, column_name) in (('orders', 'subtotal_cents'), ('orders', 'shipping_cents'), ('orders', 'total_cents'), ('orders', 'refunded_cents'),
        ('order_items', 'unit_price_cents'), ('refunds', 'amount_cents'))`
    expect(types).toHaveLength(6)
    expect(new Set(types.map((column) => column.data_type))).toEqual(new Set(['bigint']))

    // Beyond 2^31 now fits; the checks still refuse what they refused before.
    await sql`update orders set subtotal_cents = 5000000000, total_cents = 5000000000 where id = ${pending ?? 0}`
    expect((await sql`select total_cents::text from orders where id = ${pending ?? 0}`)[0]).toEqual({ total_cents: '5000000000' })
    await expect(sql`update orders set refunded_cents = total_cents + 1 where id = ${refunded ?? 0}`).rejects.toMatchObject({ code: '23514' })
    await expect(sql`insert into refunds (order_id, amount_cents) values (${refunded ?? 0}, 0)`).rejects.toMatchObject({ code: '23514' })
  })
})
