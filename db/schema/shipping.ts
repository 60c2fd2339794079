import { sql } from 'drizzle-orm'
import { boolean, char, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'
import { categories } from './catalog'

/** A price band of a shipping method: values from `from` (inclusive) to `to` (exclusive; null: no upper end). */
export type ShippingBand = { from: number; to: number | null; priceCents: number }

/** Where the shop ships: a named set of countries. lib/shipping writes it. */
export const shippingZones = pgTable('shipping_zones', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull(),
  position: integer().notNull().default(0),
  ...timestamps,
})

/** A country belongs to at most one zone (the primary key says so), so a destination has one set of methods. */
export const shippingZoneCountries = pgTable(
  'shipping_zone_countries',
  {
    country: char({ length: 2 }).primaryKey(),
    zoneId: integer()
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
  },
  (t) => [index('shipping_zone_countries_zone_idx').on(t.zoneId), check('shipping_zone_countries_code', sql`${t.country} ~ '^[A-Z]{2}$'`)],
)

/** A way to ship within a zone, with its price (flat, or by weight or subtotal bands) and delivery estimate. */
export const shippingMethods = pgTable(
  'shipping_methods',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    zoneId: integer()
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    priceCents: integer().notNull(),
    /** Free when the order's subtotal reaches this; null: never free. */
    freeOverCents: integer(),
    /** Null: the flat price; `weight` (grams) or `subtotal` (cents): the price of the band the order falls in. */
    bandBasis: text().$type<'weight' | 'subtotal'>(),
    bands: jsonb().$type<ShippingBand[]>().notNull().default([]),
    minDeliveryDays: integer().notNull(),
    maxDeliveryDays: integer().notNull(),
    active: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    check('shipping_methods_price', sql`${t.priceCents} >= 0 and (${t.freeOverCents} is null or ${t.freeOverCents} >= 0)`),
    check('shipping_methods_days', sql`${t.minDeliveryDays} >= 0 and ${t.maxDeliveryDays} >= ${t.minDeliveryDays}`),
    check('shipping_methods_band_basis', sql`${t.bandBasis} is null or ${t.bandBasis} in ('weight', 'subtotal')`),
    index('shipping_methods_zone_idx').on(t.zoneId, t.position),
  ],
)

/** Tax rates by country and region ('' = the whole country), used when Stripe Tax does not compute tax. lib/tax writes it. */
export const taxRates = pgTable(
  'tax_rates',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    country: char({ length: 2 }).notNull(),
    region: text().notNull().default(''),
    /** Short label shown to shoppers: "VAT", "Sales tax", "GST". */
    name: text().notNull(),
    /** The rate in millionths: 8.875% is 88 750. */
    ratePpm: integer().notNull(),
    /** Whether shipping is taxed at this rate too. */
    shippingTaxable: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [check('tax_rates_rate_range', sql`${t.ratePpm} >= 0 and ${t.ratePpm} <= 1000000`), uniqueIndex('tax_rates_place_idx').on(t.country, sql`upper(${t.region})`)],
)

/** How a category is taxed: zero-rated in the rate table, and its Stripe Tax product code. lib/tax writes it. */
export const categoryTax = pgTable(
  'category_tax',
  {
    categoryId: integer()
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    zeroRated: boolean().notNull().default(false),
    /** Stripe Tax product tax code (`txcd_…`); null: the account's default. */
    stripeTaxCode: text(),
  },
  (t) => [primaryKey({ columns: [t.categoryId] }), check('category_tax_code', sql`${t.stripeTaxCode} is null or ${t.stripeTaxCode} ~ '^txcd_[0-9]{8}$'`)],
)
