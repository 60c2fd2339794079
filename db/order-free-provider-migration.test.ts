/**
 * Migration 0017 (orders with nothing to pay) on a database holding paid Stripe and demo orders:
 * they keep their provider and amounts, and an order of the new kind can be written beside them.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0017_order_free_provider')

const orderSnapshot = () => sql`select id, status, payment_state, provider, total_cents::text, payment_intent_id from orders order by id`

describe('migration 0017: orders with nothing to pay', () => {
  it('keeps Stripe and demo orders as they were and accepts a free one', async () => {
    const [category] = await sql<{ id: number }[]>`insert into categories (slug, name) values ('stationery', 'Stationery') returning id`
    const [notebook] = await sql<{ id: number }[]>`
      insert into products (slug, name, price_cents, stock, category_id) values ('dot-grid-notebook', 'Dot Grid Notebook', 1800, 12, ${category?.id ?? 0}) returning id`
    await sql`insert into product_variants (product_id, sku, price_cents, stock) values (${notebook?.id ?? 0}, 'DOT-GRID-A5', 1800, 12)`
    await sql`
      insert into orders (access_key, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents, payment_intent_id, expires_at, paid_at)
      values
        ('key-stripe', 'ada@example.com', 'paid', 'paid', 'stripe', 'USD', 3600, 495, 4095, 'pi_3OzStripe', now(), now()),
        ('key-demo', 'ben@example.com', 'refunded', 'paid', 'demo', 'USD', 1800, 0, 1800, 'pi_demo_1a2b', now(), now()),
        ('key-pending', 'cy@example.com', 'pending', 'unpaid', 'stripe', 'USD', 1800, 495, 2295, null, now() + interval '30 minutes', null)`
    const before = await orderSnapshot()

    await migrateToLatest()

    expect(await orderSnapshot()).toEqual(before)
    const [free] = await sql<{ provider: string }[]>`
      insert into orders (access_key, email, status, payment_state, provider, currency, subtotal_cents, discount_cents, shipping_cents, total_cents, expires_at)
      values ('key-free', 'dee@example.com', 'pending', 'unpaid', 'free', 'USD', 1800, 1800, 0, 0, now() + interval '30 minutes')
      returning provider`
    expect(free?.provider).toBe('free')
  })
})
