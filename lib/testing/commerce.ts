/** Products, carts and orders for tests of the cart, checkout and payment code. */
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { db, sql } from '@/db/client'
import { cartItems, carts, productOptions, productVariants, products } from '@/db/schema'
import { refreshProductSummaries } from '@/lib/catalog/variants'
import { startCheckout } from '@/lib/orders/checkout'

/** A product and the variant a test buys: its default variant, or the one chosen with `withVariant`. */
export type TestProduct = { id: number; slug: string; name: string; priceCents: number; variantId: number }

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
  const [variant] = await db
    .insert(productVariants)
    .values({ productId: product.id, sku: `ZZ-${token}`.toUpperCase(), priceCents: product.priceCents, stock: input.stock })
    .returning({ id: productVariants.id })
  if (!variant) throw new Error('fixture variant not written')
  await refreshProductSummaries(db, [product.id])
  return { ...product, variantId: variant.id }
}

export type TestVariant = { id: number; sku: string; option1: string | null; option2: string | null; priceCents: number; stock: number }

/**
 * A product with options (say Size × Colour) and one variant per listed combination, each with its
 * own SKU, price and stock; the product's listing fields are refreshed as the shop would.
 */
export async function createTestProductWithVariants(input: {
  options: { name: string; values: string[] }[]
  variants: { values: string[]; priceCents: number; stock: number; active?: boolean; compareAtCents?: number }[]
}) {
  const base = await createTestProduct({ stock: 0 })
  const token = base.slug.replace('zz-fixture-', '').toUpperCase()
  await db.delete(productVariants).where(eq(productVariants.productId, base.id))
  await db.insert(productOptions).values(input.options.map((option, index) => ({ productId: base.id, position: index + 1, name: option.name, values: option.values })))
  const variants = await db
    .insert(productVariants)
    .values(
      input.variants.map((variant, index) => ({
        productId: base.id,
        sku: `ZZ-${token}-${variant.values.join('-')}`.toUpperCase().replace(/\s+/g, ''),
        option1: variant.values[0] ?? null,
        option2: variant.values[1] ?? null,
        option3: variant.values[2] ?? null,
        priceCents: variant.priceCents,
        compareAtCents: variant.compareAtCents ?? null,
        stock: variant.stock,
        active: variant.active ?? true,
        position: index,
      })),
    )
    .returning({
      id: productVariants.id,
      sku: productVariants.sku,
      option1: productVariants.option1,
      option2: productVariants.option2,
      priceCents: productVariants.priceCents,
      stock: productVariants.stock,
    })
  await db.transaction((tx) => refreshProductSummaries(tx, [base.id]))
  return { ...base, variants }
}

/** The same product, bought as another of its variants (for carts and orders). */
export function withVariant(product: TestProduct, variant: { id: number; priceCents: number }): TestProduct {
  return { ...product, variantId: variant.id, priceCents: variant.priceCents }
}

/**
 * Changes a variant behind the shop's back (a price, the stock, the active flag), as another admin
 * would, keeping the product's listing fields in step as the shop does.
 */
export async function changeTestVariant(variantId: number, values: { priceCents?: number; stock?: number; active?: boolean }) {
  await db.transaction(async (tx) => {
    const [row] = await tx.update(productVariants).set(values).where(eq(productVariants.id, variantId)).returning({ productId: productVariants.productId })
    if (row) await refreshProductSummaries(tx, [row.productId])
  })
}

/** The product's derived total stock (all active variants). */
export async function stockOf(productId: number) {
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, productId))
  return row?.stock ?? null
}

export async function variantStockOf(variantId: number) {
  const [row] = await db.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, variantId))
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
    await db
      .insert(cartItems)
      .values(lines.map((line) => ({ cartId: cart.id, productId: line.product.id, variantId: line.product.variantId, quantity: line.quantity, seenPriceCents: line.product.priceCents })))
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
