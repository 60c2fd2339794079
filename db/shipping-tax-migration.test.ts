/**
 * Migration 0015 (shipping zones and methods, tax) on a database that already holds orders: today's
 * flat shipping becomes the default zone's methods, existing orders keep every amount and are
 * recorded as shipped Standard to the country of their address, and the new checks hold.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

// The rows below are written in the shape the shop had before variants (0011), the oldest this
// migration meets in the wild; migrating then runs 0011 and this migration over them.
const { sql, migrateToLatest } = databaseBefore('0011_variants')

const orderSnapshot = () => sql`
  select o.id, o.status, o.subtotal_cents::text, o.shipping_cents::text, o.total_cents::text, o.refunded_cents::text, o.shipping_address
  from orders o order by o.id`

describe('migration 0015: shipping zones, methods and tax', () => {
  it('turns today’s shipping into the default zone and records existing orders as Standard, amounts untouched', async () => {
    const [category] = await sql<{ id: number }[]>`insert into categories (slug, name) values ('kitchen', 'Kitchen') returning id`
    const [skillet] = await sql<{ id: number }[]>`
      insert into products (slug, name, price_cents, stock, category_id) values ('cast-iron-skillet', 'Cast Iron Skillet', 3450, 8, ${category?.id ?? 0}) returning id`
    const address = (country: string) => ({ fullName: 'Ada Buyer', line1: '1 Main St', line2: '', city: 'Springfield', region: 'IL', postalCode: '62701', country, phone: '' })
    const placed = await sql<{ id: number }[]>`
      insert into orders (access_key, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents, refunded_cents, expires_at, paid_at, shipping_address)
      values
        ('key-1', 'ada@example.com', 'paid', 'paid', 'demo', 'USD', 3450, 495, 3945, 0, now(), now(), ${JSON.stringify(address('US'))}::jsonb),
        ('key-2', 'ben@example.com', 'partially_refunded', 'paid', 'stripe', 'USD', 6900, 0, 6900, 1000, now(), now(), ${JSON.stringify(address('CA'))}::jsonb),
        ('key-3', 'guest@example.com', 'pending', 'unpaid', 'demo', 'USD', 3450, 495, 3945, 0, now() + interval '31 minutes', null, null)
      returning id`
    const [paid, refunded, pending] = placed.map((order) => order.id)
    await sql`
      insert into order_items (order_id, product_id, product_slug, name, unit_price_cents, quantity) values
        (${paid ?? 0}, ${skillet?.id ?? 0}, 'cast-iron-skillet', 'Cast Iron Skillet', 3450, 1),
        (${refunded ?? 0}, ${skillet?.id ?? 0}, 'cast-iron-skillet', 'Cast Iron Skillet', 3450, 2),
        (${pending ?? 0}, ${skillet?.id ?? 0}, 'cast-iron-skillet', 'Cast Iron Skillet', 3450, 1)`
    await sql`insert into refunds (order_id, amount_cents, status, reason) values (${refunded ?? 0}, 1000, 'succeeded', 'dented')`
    const before = await orderSnapshot()

    await migrateToLatest()

    expect(await orderSnapshot()).toEqual(before)
    const zones = await sql<{ name: string; countries: string[] }[]>`
      select z.name, array_agg(c.country::text order by c.country) as countries from shipping_zones z join shipping_zone_countries c on c.zone_id = z.id group by z.id`
    expect(zones).toEqual([{ name: 'Everywhere we ship', countries: ['AU', 'CA', 'DE', 'ES', 'FR', 'GB', 'IE', 'IT', 'NL', 'NZ', 'SE', 'US'] }])
    const methods = await sql`select name, price_cents, free_over_cents, min_delivery_days, max_delivery_days, active from shipping_methods order by position`
    expect(methods).toEqual([
      { name: 'Standard', price_cents: 495, free_over_cents: 5000, min_delivery_days: 3, max_delivery_days: 7, active: true },
      { name: 'Express', price_cents: 1495, free_over_cents: null, min_delivery_days: 1, max_delivery_days: 2, active: true },
      { name: 'Local pickup', price_cents: 0, free_over_cents: null, min_delivery_days: 0, max_delivery_days: 1, active: true },
    ])
    const recorded = await sql`
      select o.id, o.shipping_method_name, m.name as method, o.destination_country, o.tax_cents::text, o.tax_mode,
        (select sum(tax_cents)::text from order_items where order_id = o.id) as item_tax, (select sum(tax_cents)::text from refunds where order_id = o.id) as refund_tax
      from orders o left join shipping_methods m on m.id = o.shipping_method_id order by o.id`
    expect(recorded).toEqual([
      { id: paid, shipping_method_name: 'Standard', method: 'Standard', destination_country: 'US', tax_cents: '0', tax_mode: 'none', item_tax: '0', refund_tax: null },
      { id: refunded, shipping_method_name: 'Standard', method: 'Standard', destination_country: 'CA', tax_cents: '0', tax_mode: 'none', item_tax: '0', refund_tax: '0' },
      { id: pending, shipping_method_name: 'Standard', method: 'Standard', destination_country: null, tax_cents: '0', tax_mode: 'none', item_tax: '0', refund_tax: null },
    ])

    // A country is in one zone only; rates stay within 0–100%; a method's days run forwards.
    const [zone] = await sql<{ id: number }[]>`insert into shipping_zones (name) values ('Second') returning id`
    await expect(sql`insert into shipping_zone_countries (country, zone_id) values ('US', ${zone?.id ?? 0})`).rejects.toMatchObject({ code: '23505' })
    await expect(sql`insert into tax_rates (country, name, rate_ppm) values ('DE', 'VAT', 1000001)`).rejects.toMatchObject({ code: '23514' })
    await expect(sql`insert into shipping_methods (zone_id, name, price_cents, min_delivery_days, max_delivery_days) values (${zone?.id ?? 0}, 'Slow', 100, 5, 2)`).rejects.toMatchObject({
      code: '23514',
    })
    await expect(sql`update orders set tax_cents = -1 where id = ${paid ?? 0}`).rejects.toMatchObject({ code: '23514' })
  })
})
