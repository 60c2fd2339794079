/**
 * Migration 0019 (the shopper's note on orders) on a database holding orders placed before it:
 * they keep every field and carry no note.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0019_order_customer_note')

describe('migration 0019: a note for the shop on orders', () => {
  it('leaves earlier orders as they were, with no note', async () => {
    await sql`
      insert into orders (access_key, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, tax_cents, total_cents, tax_name,
        shipping_method_name, destination_country, destination_region, expires_at, paid_at)
      values
        ('key-paid', 'ada@example.com', 'paid', 'paid', 'stripe', 'USD', 4690, 1495, 549, 6734, 'Sales tax', 'Express', 'US', 'NY', now(), now()),
        ('key-free', 'ben@example.com', 'delivered', 'paid', 'free', 'USD', 0, 0, 0, 0, null, 'Local pickup', 'US', '', now(), now())`
    const snapshot = () => sql`select id, status, provider, total_cents::text, tax_name, shipping_method_name from orders order by id`
    const before = await snapshot()

    await migrateToLatest()

    expect(await snapshot()).toEqual(before)
    expect(await sql`select customer_note from orders order by id`).toEqual([{ customer_note: null }, { customer_note: null }])
  })
})
