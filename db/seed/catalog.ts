import 'server-only'
import type { Sql } from 'postgres'
import { generateProductBatches, seedCategories } from './catalog-data'

const PRODUCT_BATCH = 2_000

export function productArtworkUrl(slug: string, variant: number) {
  return `/art/${variant}/${slug}.svg`
}

/** Replaces the catalog with the generated demo catalog. Runs in one transaction. */
export async function seedCatalog(sql: Sql, options: { products: number; log?: (line: string) => void }) {
  const log = options.log ?? (() => {})
  const started = performance.now()
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
          rating_avg: product.ratingAvg,
          rating_count: product.ratingCount,
          created_at: product.createdAt,
          updated_at: product.createdAt,
        }
      })
      const ids = await tx<{ id: number; slug: string }[]>`insert into products ${tx(rows)} returning id, slug`
      const idBySlug = new Map(ids.map((row) => [row.slug, row.id]))
      const images = batch.flatMap((product) =>
        Array.from({ length: product.imageCount }, (_, position) => ({
          product_id: idBySlug.get(product.slug) ?? 0,
          url: productArtworkUrl(product.slug, position),
          alt: position === 0 ? product.name : `${product.name}, view ${position + 1}`,
          position,
        })),
      )
      await tx`insert into product_images ${tx(images)}`
      inserted += batch.length
      if (options.products >= 10_000) log(`  ${inserted.toLocaleString('en-US')} products`)
    }
  })
  await sql`analyze categories, products, product_images`
  log(`Seeded ${seedCategories.length} categories and ${options.products} products in ${((performance.now() - started) / 1000).toFixed(1)}s`)
}

export async function catalogIsEmpty(sql: Sql) {
  const [row] = await sql<{ empty: boolean }[]>`select not exists (select 1 from categories) as empty`
  return row?.empty ?? true
}
