import 'server-only'
import type { Sql } from 'postgres'
import { generateProductBatches, seedCategories } from './catalog-data'
import { createReviewSeeder, upsertDemoCustomers } from './reviews'

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
      const rows = batch.map((product) => {
        const categoryId = categoryIds.get(product.categorySlug)
        if (categoryId === undefined) throw new Error(`Unknown seed category ${product.categorySlug}`)
        return {
          slug: product.slug,
          name: product.name,
          description: product.description,
          price_cents: product.priceCents,
          currency: product.currency,
          stock: product.stock,
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
      await tx`
        insert into product_variants (product_id, sku, price_cents, stock, created_at, updated_at)
        select id, upper(slug), price_cents, stock, created_at, updated_at from products where id in ${tx(ids.map((row) => row.id))}`
      await tx`update products set max_price_cents = price_cents where id in ${tx(ids.map((row) => row.id))}`
      const images = batch.flatMap((product) =>
        Array.from({ length: product.imageCount }, (_, position) => ({
          product_id: idBySlug.get(product.slug) ?? 0,
          url: productArtworkUrl(product, position),
          alt: position === 0 ? product.name : `${product.name}, view ${position + 1}`,
          position,
        })),
      )
      await tx`insert into product_images ${tx(images)}`
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
