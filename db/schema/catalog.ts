import { sql } from 'drizzle-orm'
import { type AnyPgColumn, check, customType, doublePrecision, index, integer, pgTable, text, timestamp, boolean, char } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

export const categories = pgTable(
  'categories',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull().default(''),
    parentId: integer().references((): AnyPgColumn => categories.id, { onDelete: 'restrict' }),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [index('categories_parent_position_idx').on(t.parentId, t.position)],
)

export const products = pgTable(
  'products',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull().default(''),
    /** The lowest active variant price (kept by lib/catalog/variants.ts refreshProductSummaries). */
    priceCents: integer().notNull(),
    /** The highest active variant price: listings say "from $X" when it differs from priceCents. */
    maxPriceCents: integer().notNull().default(0),
    currency: char({ length: 3 }).notNull().default('USD'),
    /** Total stock of the active variants (kept by refreshProductSummaries): "in stock" is stock > 0. */
    stock: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    featured: boolean().notNull().default(false),
    categoryId: integer()
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    // Kept up to date by the reviews domain; seeded with demo values.
    ratingAvg: doublePrecision().notNull().default(0),
    ratingCount: integer().notNull().default(0),
    // Name outweighs description in relevance ranking.
    searchVector: tsvector().generatedAlwaysAs(sql`setweight(to_tsvector('english'::regconfig, name), 'A') || setweight(to_tsvector('english'::regconfig, description), 'B')`),
    ...timestamps,
  },
  (t) => [
    check('products_price_nonnegative', sql`${t.priceCents} >= 0`),
    check('products_stock_nonnegative', sql`${t.stock} >= 0`),
    check('products_rating_range', sql`${t.ratingAvg} >= 0 and ${t.ratingAvg} <= 5`),
    index('products_search_vector_idx').using('gin', t.searchVector),
    index('products_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('products_category_idx').on(t.categoryId, t.id),
    index('products_price_idx').on(t.priceCents, t.id),
    index('products_created_idx').on(t.createdAt, t.id),
    index('products_rating_idx').on(t.ratingAvg, t.id),
    // Lets browse counts and category facets (no keywords) run as index-only scans.
    index('products_browse_idx')
      .on(t.categoryId, t.priceCents, t.ratingAvg, t.stock)
      .where(sql`${t.active}`),
    index('products_featured_idx')
      .on(t.id)
      .where(sql`${t.featured} and ${t.active}`),
  ],
)

export const productImages = pgTable(
  'product_images',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    alt: text().notNull().default(''),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_images_product_position_idx').on(t.productId, t.position)],
)
