/**
 * Migration 0012 (returns) on a database that already holds orders: existing orders, items,
 * events and refunds are untouched, and the new tables take a return of a delivered order's line
 * and refuse what the model forbids.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

// The rows below are written in the shape the shop had before variants (0011), the oldest this
// migration meets in the wild; migrating then runs 0011 and this migration over them.
const { sql, migrateToLatest } = databaseBefore('0011_variants')

const ordersSnapshot = () => sql`
  select o.id, o.status, o.total_cents::text, o.refunded_cents::text,
    (select json_agg(json_build_array(oi.id, oi.product_slug, oi.unit_price_cents::text, oi.quantity) order by oi.id) from order_items oi where oi.order_id = o.id) as items,
    (select json_agg(json_build_array(e.from_status, e.to_status, e.actor) order by e.id) from order_events e where e.order_id = o.id) as events,
    (select json_agg(json_build_array(r.amount_cents::text, r.status) order by r.id) from refunds r where r.order_id = o.id) as refunds
  from orders o order by o.id`

describe('migration 0012: returns', () => {
  it('keeps existing orders as they were and takes returns of their lines', async () => {
    const [category] = await sql<{ id: number }[]>`insert into categories (slug, name) values ('textiles', 'Textiles') returning id`
    const [throw_, towel] = await sql<{ id: number }[]>`
      insert into products (slug, name, price_cents, stock, category_id)
      values ('wool-throw', 'Wool Throw', 8900, 6, ${category?.id ?? 0}), ('linen-towel', 'Linen Towel', 1800, 40, ${category?.id ?? 0})
      returning id`
    await sql`insert into users (id, name, email) values ('user-1', 'Ada Buyer', 'ada@example.com')`
    const [delivered, refunded] = await sql<{ id: number }[]>`
      insert into orders (access_key, user_id, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents, refunded_cents, expires_at, paid_at, payment_intent_id)
      values
        ('key-1', 'user-1', 'ada@example.com', 'delivered', 'paid', 'demo', 'USD', 12500, 495, 12995, 0, now(), now() - interval '9 days', 'demo_pi_1'),
        ('key-2', null, 'guest@example.com', 'partially_refunded', 'paid', 'stripe', 'USD', 1800, 0, 1800, 900, now(), now() - interval '3 days', 'pi_2')
      returning id`
    const lines = await sql<{ id: number }[]>`
      insert into order_items (order_id, product_id, product_slug, name, unit_price_cents, quantity) values
        (${delivered?.id ?? 0}, ${throw_?.id ?? 0}, 'wool-throw', 'Wool Throw', 8900, 1),
        (${delivered?.id ?? 0}, ${towel?.id ?? 0}, 'linen-towel', 'Linen Towel', 1800, 2),
        (${refunded?.id ?? 0}, ${towel?.id ?? 0}, 'linen-towel', 'Linen Towel', 1800, 1)
      returning id`
    await sql`
      insert into order_events (order_id, from_status, to_status, actor, created_at) values
        (${delivered?.id ?? 0}, 'pending', 'paid', 'demo', now() - interval '9 days'),
        (${delivered?.id ?? 0}, 'paid', 'shipped', 'admin', now() - interval '8 days'),
        (${delivered?.id ?? 0}, 'shipped', 'delivered', 'admin', now() - interval '5 days'),
        (${refunded?.id ?? 0}, 'paid', 'partially_refunded', 'stripe', now() - interval '1 day')`
    await sql`insert into refunds (order_id, amount_cents, status, reason) values (${refunded?.id ?? 0}, 900, 'succeeded', 'late')`
    const before = await ordersSnapshot()
    expect(before).toHaveLength(2)

    await migrateToLatest()

    expect(await ordersSnapshot()).toEqual(before)
    const [ret] = await sql<{ id: number; status: string; note: string; merchant_message: string }[]>`
      insert into returns (order_id, reason, note) values (${delivered?.id ?? 0}, 'wrong_size', 'Too short') returning id, status, note, merchant_message`
    expect(ret).toMatchObject({ status: 'requested', note: 'Too short', merchant_message: '' })
    await sql`insert into return_items (return_id, order_item_id, quantity) values (${ret?.id ?? 0}, ${lines[1]?.id ?? 0}, 2)`
    expect(await sql`select quantity, restock from return_items`).toEqual([{ quantity: 2, restock: null }])
    // What the model forbids: an unknown reason or status, a zero quantity, the same line twice in one return.
    await expect(sql`insert into returns (order_id, reason) values (${delivered?.id ?? 0}, 'bored')`).rejects.toMatchObject({ code: '22P02' })
    await expect(sql`update returns set status = 'lost' where id = ${ret?.id ?? 0}`).rejects.toMatchObject({ code: '22P02' })
    await expect(sql`insert into return_items (return_id, order_item_id, quantity) values (${ret?.id ?? 0}, ${lines[0]?.id ?? 0}, 0)`).rejects.toMatchObject({ code: '23514' })
    await expect(sql`insert into return_items (return_id, order_item_id, quantity) values (${ret?.id ?? 0}, ${lines[1]?.id ?? 0}, 1)`).rejects.toMatchObject({ code: '23505' })
    // Deleting an order (a shopper's erasure) takes its returns with it.
    await sql`delete from orders where id = ${delivered?.id ?? 0}`
    expect(await sql`select count(*)::int as n from returns`).toEqual([{ n: 0 }])
    expect(await sql`select count(*)::int as n from return_items`).toEqual([{ n: 0 }])
  })
})
