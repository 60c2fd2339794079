import 'server-only'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { productOptions, productVariants, products } from '@/db/schema'

/**
 * The owner of product_options and product_variants (all but `stock`, which only
 * lib/inventory/stock.ts writes), and of the listing fields products derive from their variants.
 */

/**
 * Brings products' derived listing fields in line with their variants, in the caller's transaction:
 * `price_cents` the lowest active variant price, `max_price_cents` the highest, `stock` the total
 * stock of active variants. A product with no active variant keeps its prices and has no stock.
 * Locks the product rows first (in id order) and only then reads the variants, so under concurrent
 * changes each refresh sees every variant change committed before it (read committed). The lock is
 * FOR NO KEY UPDATE: a checkout's order lines hold key-share locks on the product (their foreign
 * key), and a full row lock would deadlock with them.
 */
export async function refreshProductSummaries(tx: Executor, productIds: number[]) {
  const ids = [...new Set(productIds)].sort((a, b) => a - b)
  if (ids.length === 0) return
  await tx.select({ id: products.id }).from(products).where(inArray(products.id, ids)).orderBy(asc(products.id)).for('no key update')
  const idList = sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  )
  await tx.execute(sql`
    update products p set
      price_cents = coalesce(s.min_price, p.price_cents),
      max_price_cents = coalesce(s.max_price, greatest(p.max_price_cents, p.price_cents)),
      stock = coalesce(s.stock, 0)
    from (
      select ids.id,
        min(v.price_cents) filter (where v.active) as min_price,
        max(v.price_cents) filter (where v.active) as max_price,
        sum(v.stock) filter (where v.active)::int as stock
      from unnest(array[${idList}]) as ids(id)
      left join product_variants v on v.product_id = ids.id
      group by ids.id
    ) s
    where p.id = s.id
      and (p.price_cents, p.max_price_cents, p.stock) is distinct from (coalesce(s.min_price, p.price_cents), coalesce(s.max_price, greatest(p.max_price_cents, p.price_cents)), coalesce(s.stock, 0))`)
}

/** A SKU made from the product's slug, upper-cased ("BRASS-LAMP"), with the product id when taken. */
async function freeDefaultSku(tx: Executor, productId: number, slug: string) {
  const base = slug.toUpperCase()
  const [taken] = await tx
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(sql`lower(${productVariants.sku}) = lower(${base})`)
    .limit(1)
  return taken ? `${base}-${productId}` : base
}

/**
 * Gives a product without options its one default variant (option values null), carrying its
 * price; stock starts at 0 and goes through lib/inventory. Returns the variant id.
 */
export async function createDefaultVariant(tx: Executor, product: { id: number; slug: string; priceCents: number }) {
  const sku = await freeDefaultSku(tx, product.id, product.slug)
  const [variant] = await tx.insert(productVariants).values({ productId: product.id, sku, priceCents: product.priceCents, stock: 0 }).returning({ id: productVariants.id })
  if (!variant) throw new Error(`default variant of product ${product.id} not written`)
  await refreshProductSummaries(tx, [product.id])
  return variant.id
}

/** The default variant of a product without options (the one whose option values are all null), if any. */
export async function defaultVariantId(tx: Executor, productId: number): Promise<number | null> {
  const [variant] = await tx
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.productId, productId), isNull(productVariants.option1), isNull(productVariants.option2), isNull(productVariants.option3)))
    .limit(1)
  return variant?.id ?? null
}

/**
 * The product form's single price: on a product without options it is the default variant's
 * price. A product with options keeps its variants' prices (they are edited per variant).
 */
export async function setDefaultVariantPrice(tx: Executor, productId: number, priceCents: number) {
  const hasOptions = await tx.select({ id: productOptions.id }).from(productOptions).where(eq(productOptions.productId, productId)).limit(1)
  if (hasOptions.length === 0) {
    await tx
      .update(productVariants)
      .set({ priceCents })
      .where(and(eq(productVariants.productId, productId), isNull(productVariants.option1), isNull(productVariants.option2), isNull(productVariants.option3)))
  }
  await refreshProductSummaries(tx, [productId])
}

/**
 * Default variants for many products at once (a CSV import's new products): one insert, SKUs from
 * the slugs (with the product id when a slug's SKU is taken), prices as given, stock 0.
 */
export async function createDefaultVariants(tx: Executor, rows: { id: number; slug: string; priceCents: number }[]) {
  if (rows.length === 0) return
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::int, ${row.slug.toUpperCase()}::text, ${row.priceCents}::int)`),
    sql`, `,
  )
  await tx.execute(sql`
    insert into product_variants (product_id, sku, price_cents, stock)
    select v.id, case when exists (select 1 from product_variants t where lower(t.sku) = lower(v.sku)) then v.sku || '-' || v.id else v.sku end, v.price, 0
    from (values ${values}) as v(id, sku, price)
    where not exists (select 1 from product_variants e where e.product_id = v.id)`)
  await refreshProductSummaries(
    tx,
    rows.map((row) => row.id),
  )
}

/** Sets the default variant's price of many products without options (a CSV import), then refreshes them. */
export async function setDefaultVariantPrices(tx: Executor, rows: { id: number; priceCents: number }[]) {
  if (rows.length === 0) return
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::int, ${row.priceCents}::int)`),
    sql`, `,
  )
  await tx.execute(sql`
    update product_variants pv set price_cents = v.price, updated_at = now()
    from (values ${values}) as v(id, price)
    where pv.product_id = v.id and pv.option1 is null and pv.option2 is null and pv.option3 is null and pv.price_cents <> v.price
      and not exists (select 1 from product_options o where o.product_id = v.id)`)
  await refreshProductSummaries(
    tx,
    rows.map((row) => row.id),
  )
}
