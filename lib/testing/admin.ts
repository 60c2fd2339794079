/**
 * Fixtures for admin tests: orders inserted directly (nothing creates orders on this branch yet).
 * All test files share one database, and some count the whole catalog, so each file removes
 * what it made with cleanUpFixtures() in afterAll.
 */
import { randomUUID } from 'node:crypto'
import { sql } from '@/db/client'

const madeOrders = new Set<number>()
const madeProducts = new Set<number>()

export function trackProduct(id: number) {
  madeProducts.add(id)
}

export async function cleanUpFixtures() {
  if (madeOrders.size > 0) await sql`delete from orders where id in ${sql([...madeOrders])}`
  if (madeProducts.size > 0) await sql`delete from products where id in ${sql([...madeProducts])}`
  madeOrders.clear()
  madeProducts.clear()
}

export async function someCategoryId() {
  const [row] = await sql<{ id: number }[]>`select id from categories order by id limit 1`
  if (!row) throw new Error('the seeded catalog has no category')
  return row.id
}

export async function productBySlug(slug: string) {
  const [row] = await sql<{ id: number; slug: string; name: string; price_cents: number; stock: number; active: boolean; featured: boolean; category_id: number }[]>`
    select id, slug, name, price_cents, stock, active, featured, category_id from products where slug = ${slug}`
  return row ?? null
}

export async function auditEntries(entityType: string, entityId: string | number) {
  return sql<{ action: string; actor_email: string; before: unknown; after: unknown }[]>`
    select action, actor_email, before, after from audit_log where entity_type = ${entityType} and entity_id = ${String(entityId)} order by id`
}

type OrderFixture = {
  userId?: string | null
  email?: string
  status?: 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'partially_refunded' | 'refunded'
  totalCents: number
  refundedCents?: number
  paidAt?: Date | null
  createdAt?: Date
  items?: { productId: number; quantity: number; unitPriceCents: number }[]
  /** Set for orders paid through the demo provider, which refunds need. */
  paymentIntentId?: string
}

export async function insertOrder(order: OrderFixture) {
  const status = order.status ?? 'paid'
  const paidAt = order.paidAt === undefined ? (status === 'pending' ? null : new Date()) : order.paidAt
  const createdAt = order.createdAt ?? paidAt ?? new Date()
  const [row] = await sql<{ id: number }[]>`
    insert into orders (payment_intent_id, access_key, user_id, email, status, payment_state, provider, currency, subtotal_cents, total_cents, refunded_cents, expires_at, paid_at, created_at)
    values (${order.paymentIntentId ?? null}, ${randomUUID()}, ${order.userId ?? null}, ${order.email ?? 'buyer@example.com'}, ${status}, ${paidAt ? 'paid' : 'unpaid'}, 'demo', 'USD',
            ${order.totalCents}, ${order.totalCents}, ${order.refundedCents ?? 0}, ${new Date(Date.now() + 3_600_000).toISOString()}::timestamptz, ${paidAt?.toISOString() ?? null}::timestamptz, ${createdAt.toISOString()}::timestamptz)
    returning id`
  if (!row) throw new Error('order insert failed')
  madeOrders.add(row.id)
  for (const item of order.items ?? []) {
    await sql`
      insert into order_items (order_id, product_id, variant_id, product_slug, name, unit_price_cents, quantity)
      select ${row.id}, p.id, (select min(v.id) from product_variants v where v.product_id = p.id), p.slug, p.name, ${item.unitPriceCents}, ${item.quantity}
      from products p where p.id = ${item.productId}`
  }
  return row.id
}
