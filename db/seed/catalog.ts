import 'server-only'
import type { Sql, TransactionSql } from 'postgres'
import { generateProductBatches, type SeedProduct, seedCategories } from './catalog-data'
import { createReviewSeeder, upsertDemoCustomers } from './reviews'
import { type SeedVariantPlan, variantPlan } from './variant-data'

const PRODUCT_BATCH = 2_000

/** The generated picture of a product: its type's motif on its colour, `variant` being the view. */
export function productArtworkUrl(product: { slug: string; motif: string; color: string }, variant: number) {
  return `/art/${variant}/${product.slug}.svg?motif=${product.motif}&color=${product.color.replace('#', '')}`
}

/** Replaces the catalog with the generated demo catalog and its reviews (by the demo customers). Runs in one transaction. */
export async function seedCatalog(sql: Sql, options: { products: number; log?: (line: string) => void }) {
  const log = options.log ?? (() => {})
  const started = performance.now()
  let reviewCount = 0
  await sql.begin(async (tx) => {
    await tx`truncate product_images, products, categories restart identity cascade`

    const categoryIds = new Map<string, number>()
    // Parents are listed before their children in seedCategories.
    for (const category of seedCategories) {
      const parentId = category.parentSlug ? categoryIds.get(category.parentSlug) : null
      if (parentId === undefined) throw new Error(`Seed category ${category.slug} lists its parent after itself`)
      const [row] = await tx<{ id: number }[]>`
        insert into categories (slug, name, description, parent_id, position)
        values (${category.slug}, ${category.name}, ${category.description}, ${parentId}, ${category.position})
        returning id`
      if (!row) throw new Error(`Could not insert category ${category.slug}`)
      categoryIds.set(category.slug, row.id)
    }

    const reviews = createReviewSeeder(tx, await upsertDemoCustomers(tx))
    let inserted = 0
    for (const batch of generateProductBatches(options.products, PRODUCT_BATCH)) {
      const plans = batch.map((product) => variantPlan(product))
      const rows = batch.map((product, index) => {
        const categoryId = categoryIds.get(product.categorySlug)
        if (categoryId === undefined) throw new Error(`Unknown seed category ${product.categorySlug}`)
        const plan = plans[index]
        const prices = plan?.variants.map((variant) => variant.priceCents) ?? [product.priceCents]
        return {
          slug: product.slug,
          name: product.name,
          description: product.description,
          // What refreshProductSummaries would derive: the lowest and highest variant price, the total stock.
          price_cents: Math.min(...prices),
          max_price_cents: Math.max(...prices),
          currency: product.currency,
          stock: plan ? plan.variants.reduce((sum, variant) => sum + variant.stock, 0) : product.stock,
          active: product.active,
          featured: product.featured,
          category_id: categoryId,
          rating_avg: 0,
          rating_count: 0,
          created_at: product.createdAt,
          updated_at: product.createdAt,
        }
      })
      const ids = await tx<{ id: number; slug: string }[]>`insert into products ${tx(rows)} returning id, slug`
      const idBySlug = new Map(ids.map((row) => [row.slug, row.id]))
      const images = batch.flatMap((product, index) => [
        ...Array.from({ length: product.imageCount }, (_, position) => ({
          product_id: idBySlug.get(product.slug) ?? 0,
          url: productArtworkUrl(product, position),
          alt: position === 0 ? product.name : `${product.name}, view ${position + 1}`,
          position,
        })),
        // Each further colour gets a picture of its own, shown when that colour is chosen.
        ...(plans[index]?.colourImages ?? []).map((image, extra) => ({
          product_id: idBySlug.get(product.slug) ?? 0,
          url: productArtworkUrl({ ...product, color: image.color }, 0),
          alt: `${product.name} in ${image.value}`,
          position: product.imageCount + extra,
        })),
      ])
      const imageRows = await tx<{ id: number; product_id: number; position: number }[]>`insert into product_images ${tx(images)} returning id, product_id, position`
      const imageId = new Map(imageRows.map((row) => [`${row.product_id}:${row.position}`, row.id]))
      await insertVariants(tx, batch, plans, idBySlug, imageId)
      await reviews.add(
        batch,
        batch.map((product) => idBySlug.get(product.slug) ?? 0),
        inserted,
      )
      inserted += batch.length
      if (options.products >= 10_000) log(`  ${inserted.toLocaleString('en-US')} products`)
    }
    reviewCount = await reviews.flush()
  })
  await sql`analyze categories, products, product_images, product_variants, reviews`
  log(`Seeded ${seedCategories.length} categories, ${options.products} products and ${reviewCount} reviews in ${((performance.now() - started) / 1000).toFixed(1)}s`)
}

export async function catalogIsEmpty(sql: Sql) {
  const [row] = await sql<{ empty: boolean }[]>`select not exists (select 1 from categories) as empty`
  return row?.empty ?? true
}

/** A Postgres array literal of text values, for unnest over text[] columns. */
function textArrayLiteral(values: string[]) {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(',')}}`
}

/**
 * The batch's options and variants, a statement each through unnest (a few array parameters
 * instead of one per value, so 100,000 products stay fast): a product without a plan gets its
 * default variant (SKU from its slug), a product with one its options and one variant per
 * combination, a colour's variants pointing at that colour's picture.
 */
async function insertVariants(tx: TransactionSql, batch: SeedProduct[], plans: (SeedVariantPlan | null)[], idBySlug: Map<string, number>, imageId: Map<string, number>) {
  const options: { productId: number; position: number; name: string; values: string }[] = []
  const variants = {
    productId: [] as number[],
    sku: [] as string[],
    option1: [] as (string | null)[],
    option2: [] as (string | null)[],
    price: [] as number[],
    compareAt: [] as (number | null)[],
    stock: [] as number[],
    position: [] as number[],
    imageId: [] as (number | null)[],
    createdAt: [] as string[],
  }
  batch.forEach((product, index) => {
    const productId = idBySlug.get(product.slug) ?? 0
    const plan = plans[index]
    const createdAt = product.createdAt.toISOString()
    const push = (row: { sku: string; option1: string | null; option2: string | null; price: number; compareAt: number | null; stock: number; position: number; imageId: number | null }) => {
      variants.productId.push(productId)
      variants.sku.push(row.sku)
      variants.option1.push(row.option1)
      variants.option2.push(row.option2)
      variants.price.push(row.price)
      variants.compareAt.push(row.compareAt)
      variants.stock.push(row.stock)
      variants.position.push(row.position)
      variants.imageId.push(row.imageId)
      variants.createdAt.push(createdAt)
    }
    if (!plan) {
      push({ sku: product.slug.toUpperCase(), option1: null, option2: null, price: product.priceCents, compareAt: null, stock: product.stock, position: 0, imageId: null })
      return
    }
    plan.options.forEach((option, position) => options.push({ productId, position: position + 1, name: option.name, values: textArrayLiteral(option.values) }))
    const colourAt = plan.options.findIndex((option) => option.name === 'Colour')
    for (const variant of plan.variants) {
      const colour = colourAt >= 0 ? variant.values[colourAt] : undefined
      const extra = plan.colourImages.findIndex((image) => image.value === colour)
      push({
        sku: variant.sku,
        option1: variant.values[0] ?? null,
        option2: variant.values[1] ?? null,
        price: variant.priceCents,
        compareAt: variant.compareAtCents,
        stock: variant.stock,
        position: variant.position,
        imageId: extra >= 0 ? (imageId.get(`${productId}:${product.imageCount + extra}`) ?? null) : null,
      })
    }
  })
  if (options.length > 0) {
    await tx`
      insert into product_options (product_id, position, name, values)
      select o.product_id, o.position, o.name, o.vals::text[]
      from unnest(${options.map((o) => o.productId)}::int[], ${options.map((o) => o.position)}::int[], ${options.map((o) => o.name)}::text[], ${options.map((o) => o.values)}::text[])
        as o(product_id, position, name, vals)`
  }
  await tx`
    insert into product_variants (product_id, sku, option1, option2, price_cents, compare_at_cents, stock, position, image_id, created_at, updated_at)
    select v.product_id, v.sku, v.option1, v.option2, v.price, v.compare_at, v.stock, v.position, v.image_id, v.created_at, v.created_at
    from unnest(${variants.productId}::int[], ${variants.sku}::text[], ${variants.option1}::text[], ${variants.option2}::text[], ${variants.price}::int[],
      ${variants.compareAt}::int[], ${variants.stock}::int[], ${variants.position}::int[], ${variants.imageId}::int[], ${variants.createdAt}::timestamptz[])
      as v(product_id, sku, option1, option2, price, compare_at, stock, position, image_id, created_at)`
}
