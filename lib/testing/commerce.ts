/** Products, carts and orders for tests of the cart, checkout and payment code. */
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { db, sql } from '@/db/client'
import { cartItems, carts, products } from '@/db/schema'
import { startCheckout } from '@/lib/orders/checkout'

export type TestProduct = { id: number; slug: string; name: string; priceCents: number }

/** A product with a name no seeded product shares, so search tests are unaffected. */
export async function createTestProduct(input: { stock: number; priceCents?: number; active?: boolean; currency?: string }): Promise<TestProduct> {
  // A category of their own, so fixtures never show up in the seeded categories' listings.
  const [category] = await sql<{ id: number }[]>`
    insert into categories (slug, name, position) values ('zz-test-fixtures', 'Test fixtures', 999)
    on conflict (slug) do update set name = excluded.name
    returning id`
  const token = randomUUID().slice(0, 8)
  const [product] = await db
    .insert(products)
    .values({
      slug: `zz-fixture-${token}`,
      name: `Zz Fixture ${token}`,
      priceCents: input.priceCents ?? 1_250,
      currency: input.currency ?? 'USD',
      stock: input.stock,
      active: input.active ?? true,
      categoryId: category?.id ?? 1,
    })
    .returning({ id: products.id, slug: products.slug, name: products.name, priceCents: products.priceCents })
  if (!product) throw new Error('fixture product not written')
  return product
}

export async function stockOf(productId: number) {
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, productId))
  return row?.stock ?? null
}

/** A guest cart (or the user's, with userId) holding these lines at their current prices. */
export async function createCartWith(lines: { product: TestProduct; quantity: number }[], userId: string | null = null) {
  // A user has one cart: reuse it, emptied.
  const [existing] = userId ? await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)) : []
  if (existing) await db.delete(cartItems).where(eq(cartItems.cartId, existing.id))
  const [cart] = existing ? [existing] : await db.insert(carts).values({ userId }).returning({ id: carts.id })
  if (!cart) throw new Error('cart not written')
  if (lines.length > 0) {
    await db.insert(cartItems).values(lines.map((line) => ({ cartId: cart.id, productId: line.product.id, quantity: line.quantity, seenPriceCents: line.product.priceCents })))
  }
  return cart.id
}

/** A pending order for these lines, through the real checkout. */
export async function placeOrder(lines: { product: TestProduct; quantity: number }[], options: { userId?: string | null; email?: string } = {}) {
  const cartId = await createCartWith(lines, options.userId ?? null)
  const result = await startCheckout({ cartId, userId: options.userId ?? null, email: options.email ?? `buyer-${randomUUID().slice(0, 8)}@example.com` })
  if (!result.ok) throw new Error(`checkout failed: ${result.error}`)
  return { ...result, cartId }
}

export async function orderRow(orderId: number) {
  const [row] = await sql<
    { status: string; payment_state: string; refunded_cents: number; total_cents: number; checkout_session_id: string | null; payment_intent_id: string | null; stock_released_at: Date | null }[]
  >`select status, payment_state, refunded_cents, total_cents, checkout_session_id, payment_intent_id, stock_released_at from orders where id = ${orderId}`
  if (!row) throw new Error(`no order ${orderId}`)
  return row
}

export async function orderEventsOf(orderId: number) {
  return sql<{ from_status: string | null; to_status: string; actor: string; note: string }[]>`
    select from_status, to_status, actor, note from order_events where order_id = ${orderId} order by id`
}
