import 'server-only'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { categories, categoryTax, taxRates } from '@/db/schema'
import { pricesIncludeTax, taxMode } from '@/lib/env'
import type { TaxRule } from '@/lib/pricing/tax'

export async function listTaxRates() {
  return db.select().from(taxRates).orderBy(asc(taxRates.country), asc(taxRates.region))
}

/** Every category with how it is taxed, for the admin. */
export async function listCategoryTax() {
  return db
    .select({ id: categories.id, name: categories.name, parentId: categories.parentId, zeroRated: sql<boolean>`coalesce(${categoryTax.zeroRated}, false)`, stripeTaxCode: categoryTax.stripeTaxCode })
    .from(categories)
    .leftJoin(categoryTax, eq(categoryTax.categoryId, categories.id))
    .orderBy(asc(categories.name))
}

/**
 * The tax rule for a destination. With Stripe Tax, Stripe decides on its page. Otherwise the rate
 * table: the region's own rate when there is one, else the country's ('' region); no rate: no tax.
 */
export async function taxRuleFor(destination: Destination, executor: Executor = db): Promise<TaxRule> {
  if (taxMode === 'stripe') return { mode: 'stripe', pricesIncludeTax }
  const rate = await rateFor(destination, executor)
  if (!rate) return { mode: 'none' }
  return { mode: 'table', name: rate.name, ratePpm: rate.ratePpm, shippingTaxable: rate.shippingTaxable, pricesIncludeTax }
}

type Destination = { country: string; region: string }

/** The rate-table row that taxes a destination: its region's own, else its country's; null: none. */
async function rateFor(destination: Destination, executor: Executor) {
  const region = destination.region.trim().toUpperCase()
  const rows = await executor
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.country, destination.country), inArray(sql`upper(${taxRates.region})`, region ? [region, ''] : [''])))
  return rows.find((row) => row.region.toUpperCase() === region && region !== '') ?? rows.find((row) => row.region === '') ?? null
}

/**
 * Whether the rate table taxes two destinations alike (the same rate, or none for both): an
 * address typed at payment must be taxed as the destination the order was priced for.
 */
export async function taxedAlike(priced: Destination, address: Destination, executor: Executor = db) {
  const [a, b] = await Promise.all([rateFor(priced, executor), rateFor(address, executor)])
  return (a?.id ?? null) === (b?.id ?? null)
}

export type CategoryTaxInfo = { zeroRated: boolean; stripeTaxCode: string | null }

/** How each of these categories is taxed (categories without a row: taxable, Stripe's default code). */
export async function categoryTaxOf(categoryIds: number[], executor: Executor = db): Promise<Map<number, CategoryTaxInfo>> {
  const ids = [...new Set(categoryIds)]
  if (ids.length === 0) return new Map()
  const rows = await executor.select().from(categoryTax).where(inArray(categoryTax.categoryId, ids))
  return new Map(rows.map((row) => [row.categoryId, { zeroRated: row.zeroRated, stripeTaxCode: row.stripeTaxCode }]))
}

/** Which of these countries the rate table has any rate for (the whole country or a region of it). */
export async function countriesWithTaxRates(countries: string[], executor: Executor = db): Promise<Set<string>> {
  if (countries.length === 0) return new Set()
  const rows = await executor.selectDistinct({ country: taxRates.country }).from(taxRates).where(inArray(taxRates.country, countries))
  return new Set(rows.map((row) => row.country))
}
