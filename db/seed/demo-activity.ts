import 'server-only'
import { randomBytes } from 'node:crypto'
import type { Sql, TransactionSql } from 'postgres'

/**
 * Demo shopping activity for a fresh shop: paid orders from generated demo customers (bought in
 * "bundles" of products from one category plus one from the next bundle, so "Customers also
 * bought" has something to say), two orders for the demo shopper, and reviews, with the products'
 * rating average and count recomputed from the reviews. Deterministic: no Math.random.
 */

export const demoShopperEmail = 'shopper@northwind.test'
const BUNDLES = 16
const CUSTOMERS = 48
const statusCycle = ['delivered', 'delivered', 'shipped', 'paid'] as const
const transitions: Record<(typeof statusCycle)[number], string[]> = {
  paid: ['pending', 'paid'],
  shipped: ['pending', 'paid', 'shipped'],
  delivered: ['pending', 'paid', 'shipped', 'delivered'],
}
const firstNames = ['Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Harper', 'Rowan', 'Sasha', 'Emerson', 'Kai', 'Noor']
const lastNames = ['Lee', 'Okafor', 'García', 'Nguyen', 'Schmidt', 'Rossi', 'Tanaka', 'Silva']
const ratingCycle = [5, 4, 5, 3, 4, 5, 2, 4, 5, 4, 1, 5]
const reviewText: Record<number, { title: string; body: string }[]> = {
  5: [
    { title: 'Exactly what I hoped for', body: 'Well made and it arrived quickly. I use it every day and would buy it again.' },
    { title: 'Excellent quality', body: 'Feels sturdy, looks great, and the details are thoughtful. Highly recommended.' },
  ],
  4: [
    { title: 'Very good', body: 'Does everything it promises. Knocked off a star only because the packaging was a bit much.' },
    { title: 'Happy with it', body: 'Good value for the price. It took a few days to get used to, but now I like it a lot.' },
  ],
  3: [{ title: 'Fine, not amazing', body: 'It works, but the finish is not as nice as the photos suggest.' }],
  2: [{ title: 'Expected more', body: 'Smaller than I thought and one part feels flimsy. Customer service was helpful, though.' }],
  1: [{ title: 'Did not work for me', body: 'Stopped working properly after two weeks. I returned it.' }],
}

type SeedProduct = { id: number; slug: string; name: string; price_cents: number; category_id: number }

/** The bundles customers buy: the first three in-stock products of each category, in catalog order. */
export function demoBundles(products: SeedProduct[]): SeedProduct[][] {
  const byCategory = new Map<number, SeedProduct[]>()
  for (const product of products) {
    const group = byCategory.get(product.category_id) ?? []
    group.push(product)
    byCategory.set(product.category_id, group)
  }
  return [...byCategory.values()].filter((group) => group.length >= 3).map((group) => group.slice(0, 3)).slice(0, BUNDLES)
}

async function insertOrder(
  sql: TransactionSql,
  input: { userId: string; email: string; items: SeedProduct[]; status: (typeof statusCycle)[number]; daysAgo: number },
) {
  const subtotal = input.items.reduce((sum, item) => sum + item.price_cents, 0)
  const shipping = subtotal >= 5000 ? 0 : 599
  const createdAt = new Date(Date.now() - input.daysAgo * 86_400_000)
  const paidAt = new Date(createdAt.getTime() + 5 * 60_000)
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
      product_slug: item.slug,
      name: item.name,
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
      created_at: new Date(createdAt.getTime() + index * 86_400_000).toISOString(),
    })),
  )}`
  return createdAt
}

/** Runs once, on a shop with no orders and no reviews yet. */
export async function seedDemoActivity(sql: Sql, log: (line: string) => void = () => {}) {
  const [state] = await sql<{ empty: boolean }[]>`select not exists (select 1 from orders) and not exists (select 1 from reviews) as empty`
  if (!state?.empty) return
  const seeded = await sql.begin((tx) => seedDemoActivityIn(tx))
  if (seeded) log(`Demo activity: ${CUSTOMERS} customers with paid orders and reviews, and orders for ${demoShopperEmail}.`)
}

/** The writes of seedDemoActivity, inside the caller's transaction. Returns false when the catalog is too small. */
export async function seedDemoActivityIn(tx: TransactionSql): Promise<boolean> {
  const products = await tx<SeedProduct[]>`
    select id, slug, name, price_cents, category_id from products where active and stock > 0 order by id`
  const bundles = demoBundles(products)
  if (bundles.length < 2) return false

  const customers: { id: string; email: string }[] = []
  for (let index = 0; index < CUSTOMERS; index++) {
    const name = `${firstNames[index % firstNames.length]} ${lastNames[Math.floor(index / firstNames.length) % lastNames.length]}`
    const email = `customer-${String(index + 1).padStart(2, '0')}@northwind.test`
    const [row] = await tx<{ id: string }[]>`
      insert into users (id, name, email, role) values (${crypto.randomUUID()}, ${name}, ${email}, 'customer')
      on conflict (lower(email)) do update set name = excluded.name
      returning id`
    if (row) customers.push({ id: row.id, email })
  }

  for (const [index, customer] of customers.entries()) {
    const bundleIndex = index % bundles.length
    const bundle = bundles[bundleIndex] ?? []
    const extra = bundles[(bundleIndex + 1) % bundles.length]?.[0]
    const items = extra ? [...bundle, extra] : bundle
    const orderedAt = await insertOrder(tx, {
      userId: customer.id,
      email: customer.email,
      items,
      status: statusCycle[index % statusCycle.length] ?? 'delivered',
      daysAgo: 90 - index,
    })
    for (const [position, product] of bundle.entries()) {
      if ((index + position) % 3 === 2) continue
      const rating = ratingCycle[(index * 3 + position) % ratingCycle.length] ?? 5
      const texts = reviewText[rating] ?? []
      const text = texts[(index + position) % texts.length] ?? { title: 'Good', body: 'Good.' }
      const reviewedAt = new Date(orderedAt.getTime() + (5 + position) * 86_400_000).toISOString()
      await tx`
        insert into reviews (product_id, user_id, rating, title, body, helpful_count, created_at, updated_at)
        values (${product.id}, ${customer.id}, ${rating}, ${text.title}, ${text.body}, ${(index * 7 + position) % 5}, ${reviewedAt}, ${reviewedAt})`
    }
  }

  // The demo shopper bought the first two products of the first bundle, and one of the second.
  const [shopper] = await tx<{ id: string }[]>`select id from users where lower(email) = ${demoShopperEmail}`
  const [first, second] = bundles
  if (shopper && first && second) {
    await insertOrder(tx, { userId: shopper.id, email: demoShopperEmail, items: first.slice(0, 2), status: 'delivered', daysAgo: 20 })
    await insertOrder(tx, { userId: shopper.id, email: demoShopperEmail, items: second.slice(0, 1), status: 'paid', daysAgo: 3 })
  }

  // Products with real reviews show their real rating; the rest keep the catalog's demo values.
  await tx`
    update products p set rating_avg = r.avg, rating_count = r.count
    from (select product_id, avg(rating)::float8 as avg, count(*)::int as count from reviews where not hidden group by product_id) r
    where p.id = r.product_id`
  return true
}
