import 'server-only'
import { db, type Executor } from '@/db/client'
import { HOME_COUNTRY } from '@/lib/shipping/destination'
import { resolveShippingChoice, type ShippingOption, shippingOptionsFor, zoneForCountry } from '@/lib/shipping/queries'
import type { Destination } from '@/lib/shipping/validation'
import { categoryTaxOf, countriesWithTaxRates, taxRuleFor } from '@/lib/tax/queries'
import type { TaxRule } from './tax'
import type { PricingLine, ShippingChoice } from './types'

/** Where and how the shopper wants it shipped; null method: the zone's first. */
export type ShippingWanted = { destination: Destination; shippingMethodId: number | null }

export const defaultShippingWanted: ShippingWanted = { destination: { country: HOME_COUNTRY, region: '' }, shippingMethodId: null }

/** What the cart, checkout and payment session need to know about shipping and tax besides the amounts. */
export type ShippingQuote =
  | {
      ok: true
      destination: Destination
      /** The chosen method, with its delivery estimate. */
      chosen: ShippingOption
      /** Every method the destination's zone offers for these lines. */
      options: ShippingOption[]
      /** Where the payment page may take the shipping address (see addressCountriesFor). */
      addressCountries: string[]
      taxRule: TaxRule
    }
  | { ok: false; destination: Destination; error: string; options: ShippingOption[]; taxRule: TaxRule }

/** What the pipeline is given when nothing can ship (a country we do not ship to): no shipping line. */
const noShipping: ShippingChoice = { methodId: null, name: '', priceCents: 0, freeOverCents: null }

/**
 * Loads what the pipeline needs for shipping and tax: the chosen method, checked against the
 * destination's zone (another zone's method, an unknown id or a country we do not ship to is
 * refused, with a sentence), the destination's tax rule, and each line's category tax (zero-rated,
 * Stripe tax code). Returns the lines with their tax facts and the shipping choice to price with.
 */
export async function shippingAndTax(
  executor: Executor,
  lines: PricingLine[],
  wanted: ShippingWanted,
): Promise<{ lines: PricingLine[]; shipping: ShippingChoice; taxRule: TaxRule; quote: ShippingQuote }> {
  const [categoryTax, taxRule] = await Promise.all([
    categoryTaxOf(
      lines.map((line) => line.categoryId),
      executor,
    ),
    taxRuleFor(wanted.destination, executor),
  ])
  const taxed = lines.map((line) => {
    const tax = categoryTax.get(line.categoryId)
    return { ...line, taxCode: line.taxCode ?? tax?.stripeTaxCode ?? null, zeroRated: line.zeroRated ?? tax?.zeroRated ?? false }
  })
  const facts = {
    subtotalCents: taxed.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0),
    weightGrams: taxed.reduce((sum, line) => sum + (line.weightGrams ?? 0) * line.quantity, 0),
  }
  const [chosen, available] = await Promise.all([
    resolveShippingChoice(wanted.destination.country, wanted.shippingMethodId, facts, executor),
    shippingOptionsFor(wanted.destination.country, facts, executor),
  ])
  const options = available.ok ? available.options : []
  if (!chosen.ok) return { lines: taxed, shipping: noShipping, taxRule, quote: { ok: false, destination: wanted.destination, error: chosen.error, options, taxRule } }
  const addressCountries = await addressCountriesFor(wanted.destination.country, taxRule.mode, executor)
  return { lines: taxed, shipping: chosen.choice, taxRule, quote: { ok: true, destination: wanted.destination, chosen: chosen.choice, options, addressCountries, taxRule } }
}

/**
 * Where the shipping address of an order priced for `country` may be. Shipping is the same across
 * the zone, tax is not: with Stripe Tax (Stripe taxes the address it takes), anywhere in the zone;
 * an order our rate table taxed, only `country`; an untaxed order, `country` or any country of the
 * zone the rate table does not tax at all.
 */
export async function addressCountriesFor(country: string, taxMode: TaxRule['mode'], executor: Executor = db): Promise<string[]> {
  const zone = await zoneForCountry(country, executor)
  if (!zone) return []
  if (taxMode === 'stripe') return zone.countries
  if (taxMode === 'table') return [country]
  const taxed = await countriesWithTaxRates(zone.countries, executor)
  return zone.countries.filter((code) => code === country || !taxed.has(code))
}
