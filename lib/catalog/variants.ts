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

/*
 * The merchant's writes of options and variants (lib/admin/products: the options and variants
 * forms, the CSV import). Callers refresh the products' summaries once they are done.
 */

/** Replaces the options of each product with the given ones (positions 1..n, in order). */
export async function replaceProductOptions(tx: Executor, rows: { productId: number; options: { name: string; values: string[] }[] }[]) {
  if (rows.length === 0) return
  await tx.delete(productOptions).where(
    inArray(
      productOptions.productId,
      rows.map((row) => row.productId),
    ),
  )
  const values = rows.flatMap((row) => row.options.map((option, index) => ({ productId: row.productId, position: index + 1, name: option.name, values: option.values })))
  if (values.length > 0) await tx.insert(productOptions).values(values)
}

export type NewVariant = {
  productId: number
  sku: string
  option1: string | null
  option2: string | null
  option3: string | null
  priceCents: number
  compareAtCents: number | null
  active: boolean
  weightGrams?: number | null
  barcode?: string | null
  imageId: number | null
  position: number
}

/** New variants, with no stock (stock arrives through lib/inventory). */
export async function insertVariants(tx: Executor, rows: NewVariant[]) {
  if (rows.length > 0) await tx.insert(productVariants).values(rows.map((row) => ({ ...row, stock: 0 })))
}

export type VariantChange = Omit<NewVariant, 'productId' | 'active' | 'weightGrams' | 'barcode' | 'imageId'> & {
  id: number
  /** null keeps the variant's flag. */
  active: boolean | null
  /** Absent keeps the variant's weight. */
  weightGrams?: number | null
  /** Absent keeps the variant's barcode. */
  barcode?: string | null
  /** undefined keeps the variant's image. */
  imageId: number | null | undefined
  /** Its SKU or option values change: moved aside first, so two variants can swap theirs without tripping the unique indexes midway. */
  moves: boolean
}

/** Rewrites variants in one statement (after moving aside those whose SKU or option values change). */
export async function updateVariants(tx: Executor, rows: VariantChange[]) {
  if (rows.length === 0) return
  const moving = rows.filter((row) => row.moves).map((row) => row.id)
  if (moving.length > 0)
    await tx
      .update(productVariants)
      .set({ sku: sql`'~moving~' || ${productVariants.id}`, option1: sql`'~moving~' || ${productVariants.id}` })
      .where(inArray(productVariants.id, moving))
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${row.id}::int, ${row.sku}::text, ${row.option1}::text, ${row.option2}::text, ${row.option3}::text, ${row.priceCents}::int, ${row.compareAtCents}::int, ${row.active}::boolean, ${row.weightGrams === undefined}::boolean, ${row.weightGrams ?? null}::int, ${row.barcode === undefined}::boolean, ${row.barcode ?? null}::text, ${row.imageId === undefined}::boolean, ${row.imageId ?? null}::int, ${row.position}::int)`,
    ),
    sql`, `,
  )
  await tx.execute(sql`
    update product_variants set sku = v.sku, option1 = v.option1, option2 = v.option2, option3 = v.option3, price_cents = v.price_cents,
      compare_at_cents = v.compare_at_cents, active = coalesce(v.active, product_variants.active),
      weight_grams = case when v.keep_weight then product_variants.weight_grams else v.weight_grams end,
      barcode = case when v.keep_barcode then product_variants.barcode else v.barcode end,
      image_id = case when v.keep_image then product_variants.image_id else v.image_id end, position = v.position, updated_at = now()
    from (values ${values}) as v(id, sku, option1, option2, option3, price_cents, compare_at_cents, active, keep_weight, weight_grams, keep_barcode, barcode, keep_image, image_id, position)
    where product_variants.id = v.id`)
}

/**
 * Takes variants out of a product: those never ordered are deleted; those with order lines are
 * archived (inactive, sorted last) and stay on their orders. Returns how many went each way.
 */
export async function removeVariants(tx: Executor, ids: number[], archivedPosition: number) {
  if (ids.length === 0) return { deleted: 0, archived: 0 }
  const ordered = new Set(
    (
      await tx.execute<{ id: number }>(sql`
        select v.id from product_variants v where v.id in (${sql.join(
          ids.map((id) => sql`${id}::int`),
          sql`, `,
        )}) and exists (select 1 from order_items oi where oi.variant_id = v.id)`)
    ).map((row) => row.id),
  )
  const deleted = ids.filter((id) => !ordered.has(id))
  const archived = ids.filter((id) => ordered.has(id))
  if (deleted.length > 0) await tx.delete(productVariants).where(inArray(productVariants.id, deleted))
  if (archived.length > 0) await tx.update(productVariants).set({ active: false, position: archivedPosition }).where(inArray(productVariants.id, archived))
  return { deleted: deleted.length, archived: archived.length }
}
