/**
 * Migration 0016 (the tax's name on orders) on a database that already holds taxed and untaxed
 * orders: every amount stays as it was, and older orders keep showing "Tax" (no name recorded).
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0016_order_tax_name')

const orderSnapshot = () => sql`
  select id, status, subtotal_cents::text, shipping_cents::text, tax_cents::text, total_cents::text, tax_mode, prices_include_tax, shipping_method_name, destination_country, destination_region
  from orders order by id`

describe('migration 0016: the tax’s name on orders', () => {
  it('keeps every order’s amounts and records no name for orders placed before it', async () => {
    const [category] = await sql<{ id: number }[]>`insert into categories (slug, name) values ('kitchen', 'Kitchen') returning id`
    const [skillet] = await sql<{ id: number }[]>`
      insert into products (slug, name, price_cents, stock, category_id) values ('cast-iron-skillet', 'Cast Iron Skillet', 2345, 8, ${category?.id ?? 0}) returning id`
    const [variant] = await sql<{ id: number }[]>`insert into product_variants (product_id, sku, price_cents, stock) values (${skillet?.id ?? 0}, 'CAST-IRON-SKILLET', 2345, 8) returning id`
    await sql`insert into tax_rates (country, region, name, rate_ppm) values ('US', 'NY', 'Sales tax', 88750)`
    const placed = await sql<{ id: number }[]>`
      insert into orders (access_key, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, tax_cents, total_cents, tax_mode,
        shipping_method_name, destination_country, destination_region, expires_at, paid_at)
      values
        ('key-ny', 'ada@example.com', 'paid', 'paid', 'stripe', 'USD', 4690, 1495, 549, 6734, 'table', 'Express', 'US', 'NY', now(), now()),
        ('key-ca', 'ben@example.com', 'shipped', 'paid', 'demo', 'USD', 2345, 495, 0, 2840, 'none', 'Standard', 'US', 'CA', now(), now())
      returning id`
    for (const order of placed) {
      await sql`insert into order_items (order_id, product_id, variant_id, product_slug, name, sku, unit_price_cents, quantity, tax_cents)
        values (${order.id}, ${skillet?.id ?? 0}, ${variant?.id ?? 0}, 'cast-iron-skillet', 'Cast Iron Skillet', 'CAST-IRON-SKILLET', 2345, 1, 0)`
    }
    const before = await orderSnapshot()

    await migrateToLatest()

    expect(await orderSnapshot()).toEqual(before)
    expect(await sql`select tax_name from orders order by id`).toEqual([{ tax_name: null }, { tax_name: null }])
  })
})
