import { randomBytes } from 'node:crypto'
import { sql } from '@/db/client'

type OrderStatus = 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'partially_refunded' | 'refunded'

/** An order straight into the database (the checkout code is not needed to test what reads orders). */
export async function insertTestOrder(input: { userId: string | null; productIds: number[]; status?: OrderStatus; email?: string }) {
  const status = input.status ?? 'delivered'
  const items = await sql<{ id: number; slug: string; name: string; price_cents: number }[]>`
    select id, slug, name, price_cents from products where id in ${sql(input.productIds)}`
  const subtotal = items.reduce((sum, item) => sum + item.price_cents, 0)
  const [order] = await sql<{ id: number }[]>`
    insert into orders (access_key, user_id, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents, expires_at, paid_at)
    values (${randomBytes(18).toString('base64url')}, ${input.userId}, ${input.email ?? 'buyer@example.com'}, ${status},
      ${status === 'pending' || status === 'cancelled' ? 'unpaid' : 'paid'}, 'demo', 'USD', ${subtotal}, 0, ${subtotal}, now() + interval '1 hour',
      ${status === 'pending' || status === 'cancelled' ? null : new Date().toISOString()})
    returning id`
  if (!order) throw new Error('order not inserted')
  for (const item of items) {
    await sql`insert into order_items (order_id, product_id, variant_id, product_slug, name, unit_price_cents, quantity)
      values (${order.id}, ${item.id}, (select min(v.id) from product_variants v where v.product_id = ${item.id}), ${item.slug}, ${item.name}, ${item.price_cents}, 1)`
  }
  return order.id
}

/** Products that are for sale and in stock, lowest ids first, skipping `skip`. */
export async function productsForSale(count: number, skip = 0) {
  return sql<{ id: number; slug: string; category_id: number; name: string }[]>`
    select id, slug, category_id, name from products where active and stock > 0 order by id offset ${skip} limit ${count}`
}
