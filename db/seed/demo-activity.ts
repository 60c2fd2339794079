import 'server-only'
import { randomBytes } from 'node:crypto'
import type { Sql, TransactionSql } from 'postgres'
import { demoCustomer, upsertDemoCustomer } from './reviews'

/**
 * Demo shopping activity for a fresh shop: paid orders from generated demo customers (bought in
 * "bundles" of products from one category plus one from the next bundle, so "Customers also
 * bought" has something to say) and two orders for the demo shopper. The demo customers are the
 * authors of the catalog's reviews (db/seed/reviews.ts), so a review whose author bought the product
 * shows "Verified purchase". Deterministic: no Math.random.
 */

export const demoShopperEmail = 'shopper@northwind.test'
const BUNDLES = 16
const CUSTOMERS = 48
const DAY_MS = 86_400_000
// The demo customers' orders are spread over the last this many days, a day or so apart.
const ORDER_DAYS = 60
type DemoStatus = 'paid' | 'shipped' | 'delivered'
const transitions: Record<DemoStatus, string[]> = {
  paid: ['pending', 'paid'],
  shipped: ['pending', 'paid', 'shipped'],
  delivered: ['pending', 'paid', 'shipped', 'delivered'],
}
// When each step happened, after the order was placed: paid at once, shipped the next day, delivered two days later.
const stepDelayMs: Record<string, number> = { pending: 0, paid: 5 * 60_000, shipped: DAY_MS, delivered: 3 * DAY_MS }

/** Where an order of that age stands: the last few days' wait to be shipped, the last week's are on their way. */
function demoStatusFor(daysAgo: number): DemoStatus {
  return daysAgo <= 4 ? 'paid' : daysAgo <= 8 ? 'shipped' : 'delivered'
}
type SeedProduct = { id: number; variant_id: number; sku: string; variant_title: string; slug: string; name: string; price_cents: number; category_id: number }

/** The bundles customers buy: the first three in-stock products of each category, in catalog order. */
export function demoBundles(products: SeedProduct[]): SeedProduct[][] {
  const byCategory = new Map<number, SeedProduct[]>()
  for (const product of products) {
    const group = byCategory.get(product.category_id) ?? []
    group.push(product)
    byCategory.set(product.category_id, group)
  }
  return [...byCategory.values()]
    .filter((group) => group.length >= 3)
    .map((group) => group.slice(0, 3))
    .slice(0, BUNDLES)
}

async function insertOrder(sql: TransactionSql, input: { userId: string; email: string; items: SeedProduct[]; status: DemoStatus; daysAgo: number }) {
  const subtotal = input.items.reduce((sum, item) => sum + item.price_cents, 0)
  const shipping = subtotal >= 5000 ? 0 : 599
  const createdAt = new Date(Date.now() - input.daysAgo * DAY_MS)
  const paidAt = new Date(createdAt.getTime() + (stepDelayMs.paid ?? 0))
  const [order] = await sql<{ id: number }[]>`
    insert into orders (access_key, user_id, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents,
      shipping_address, expires_at, paid_at, created_at, updated_at)
    values (${randomBytes(18).toString('base64url')}, ${input.userId}, ${input.email}, ${input.status}, 'paid', 'demo', 'USD',
      ${subtotal}, ${shipping}, ${subtotal + shipping},
      ${JSON.stringify({ fullName: 'Demo Customer', line1: '1 Market Street', line2: '', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', phone: '' })}::jsonb,
      ${new Date(createdAt.getTime() + 30 * 60_000).toISOString()}, ${paidAt.toISOString()}, ${createdAt.toISOString()}, ${createdAt.toISOString()})
    returning id`
  if (!order) throw new Error('demo order not inserted')
  await sql`insert into order_items ${sql(
    input.items.map((item) => ({
      order_id: order.id,
      product_id: item.id,
      variant_id: item.variant_id,
      product_slug: item.slug,
      name: item.name,
      sku: item.sku,
      variant_title: item.variant_title,
      unit_price_cents: item.price_cents,
      quantity: 1,
    })),
  )}`
  const steps = transitions[input.status]
  await sql`insert into order_events ${sql(
    steps.map((to, index) => ({
      order_id: order.id,
      from_status: index === 0 ? null : (steps[index - 1] ?? null),
      to_status: to,
      actor: index <= 1 ? 'demo' : 'system',
      note: index === 0 ? 'Demo order' : '',
      created_at: new Date(createdAt.getTime() + (stepDelayMs[to] ?? 0)).toISOString(),
    })),
  )}`
  return createdAt
}

/** Runs once, on a shop with no orders yet. */
export async function seedDemoActivity(sql: Sql, log: (line: string) => void = () => {}) {
  const [state] = await sql<{ empty: boolean }[]>`select not exists (select 1 from orders) as empty`
  if (!state?.empty) return
  const seeded = await sql.begin((tx) => seedDemoActivityIn(tx))
  if (seeded) log(`Demo activity: ${CUSTOMERS} customers with paid orders, and orders for ${demoShopperEmail}.`)
}

/** The writes of seedDemoActivity, inside the caller's transaction. Returns false when the catalog is too small. */
export async function seedDemoActivityIn(tx: TransactionSql): Promise<boolean> {
  const products = await tx<SeedProduct[]>`
    select distinct on (p.id) p.id, v.id as variant_id, v.sku, concat_ws(' / ', v.option1, v.option2, v.option3) as variant_title, p.slug, p.name, v.price_cents, p.category_id
    from products p join product_variants v on v.product_id = p.id and v.active and v.stock > 0
    where p.active and p.stock > 0 order by p.id, v.position, v.id`
  const bundles = demoBundles(products)
  if (bundles.length < 2) return false

  const customers: { id: string; email: string }[] = []
  for (let index = 0; index < CUSTOMERS; index++) {
    const id = await upsertDemoCustomer(tx, index)
    if (id) customers.push({ id, email: demoCustomer(index).email })
  }

  for (const [index, customer] of customers.entries()) {
    const bundleIndex = index % bundles.length
    const bundle = bundles[bundleIndex] ?? []
    const extra = bundles[(bundleIndex + 1) % bundles.length]?.[0]
    const items = extra ? [...bundle, extra] : bundle
    const daysAgo = ORDER_DAYS - 1 - Math.floor((index * (ORDER_DAYS - 2)) / (CUSTOMERS - 1))
    await insertOrder(tx, {
      userId: customer.id,
      email: customer.email,
      items,
      status: demoStatusFor(daysAgo),
      daysAgo,
    })
  }

  // The demo shopper bought the first two products of the first bundle, and one of the second.
  const [shopper] = await tx<{ id: string }[]>`select id from users where lower(email) = ${demoShopperEmail}`
  const [first, second] = bundles
  if (shopper && first && second) {
    await insertOrder(tx, { userId: shopper.id, email: demoShopperEmail, items: first.slice(0, 2), status: 'delivered', daysAgo: 20 })
    await insertOrder(tx, { userId: shopper.id, email: demoShopperEmail, items: second.slice(0, 1), status: 'paid', daysAgo: 3 })
  }

  return true
}
