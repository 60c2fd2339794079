import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'
import { productImages, products } from './catalog'

/** A product's options (Size, Colour, Material): at most three, each with its values in display order. */
export const productOptions = pgTable(
  'product_options',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    values: text().array().notNull(),
  },
  (t) => [
    check('product_options_position_range', sql`${t.position} between 1 and 3`),
    check('product_options_values_nonempty', sql`cardinality(${t.values}) > 0`),
    uniqueIndex('product_options_product_position_idx').on(t.productId, t.position),
    uniqueIndex('product_options_product_name_idx').on(t.productId, sql`lower(${t.name})`),
  ],
)

/**
 * What is actually sold: one per combination of option values in use (or one default variant, all
 * options null, for a product without options). `stock` is written only by lib/inventory/stock.ts;
 * the rest by lib/catalog/variants.ts, which keeps the product's listing fields in step.
 */
export const productVariants = pgTable(
  'product_variants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text().notNull(),
    option1: text(),
    option2: text(),
    option3: text(),
    priceCents: integer().notNull(),
    compareAtCents: integer(),
    stock: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    barcode: text(),
    weightGrams: integer(),
    imageId: integer().references(() => productImages.id, { onDelete: 'set null' }),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    check('product_variants_price_nonnegative', sql`${t.priceCents} >= 0`),
    check('product_variants_compare_at_nonnegative', sql`${t.compareAtCents} >= 0`),
    check('product_variants_stock_nonnegative', sql`${t.stock} >= 0`),
    check('product_variants_weight_nonnegative', sql`${t.weightGrams} >= 0`),
    uniqueIndex('product_variants_sku_idx').on(sql`lower(${t.sku})`),
    uniqueIndex('product_variants_options_idx').on(t.productId, sql`coalesce(${t.option1}, '')`, sql`coalesce(${t.option2}, '')`, sql`coalesce(${t.option3}, '')`),
    index('product_variants_product_position_idx').on(t.productId, t.position, t.id),
  ],
)
