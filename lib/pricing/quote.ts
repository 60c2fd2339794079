import 'server-only'
import { inArray } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { products } from '@/db/schema'
import type { Cart } from '@/lib/cart/cart'
import { type ShippingOption, resolveShippingChoice, shippingOptionsFor } from '@/lib/shipping/queries'
import type { Destination } from '@/lib/shipping/validation'
import { zoneForCountry } from '@/lib/shipping/queries'
import { categoryTaxOf, countriesWithTaxRates, taxRuleFor } from '@/lib/tax/queries'
import { priceOrder } from './pipeline'
import type { TaxRule } from './tax'
import type { PricingInput, PricingLine, PricingResult } from './types'

export type CartQuote = {
  ok: true
  pricing: PricingResult
  /** The chosen method, with its delivery estimate. */
  shipping: ShippingOption
  /** Every method the destination's zone offers for this cart. */
  options: ShippingOption[]
  /** Where the payment page may take the shipping address (see addressCountriesFor). */
  addressCountries: string[]
  taxRule: TaxRule
  /** Stripe Tax product codes by product id (null: the account's default). */
  taxCodes: Map<number, string | null>
}

export type QuoteOptions = {
  destination: Destination
  /** The method the shopper chose; null: the zone's first. One of another zone, or unknown, is refused. */
  shippingMethodId: number | null
  /** Promotions loaded by lib/promotions (code and automatic ones), handed to the pipeline as they are. */
  promotions?: Pick<PricingInput, 'code' | 'automatic'>
  now?: Date
}

/**
 * Prices a cart for a destination and shipping method with the one pipeline: the lines that can be
 * bought (at most the stock), the chosen method (checked against the destination's zone), the tax
 * rule of the destination and each line's category tax. The cart page and checkout both call it,
 * so the shopper sees the total they are charged.
 */
export async function quoteCart(cart: Pick<Cart, 'lines' | 'currency'>, options: QuoteOptions, executor: Executor = db): Promise<CartQuote | { ok: false; error: string; options: ShippingOption[] }> {
  const buyable = cart.lines.filter((line) => line.active && line.stock > 0)
  const categories = buyable.length
    ? await executor
        .select({ id: products.id, categoryId: products.categoryId })
        .from(products)
        .where(
          inArray(
            products.id,
            buyable.map((line) => line.productId),
          ),
        )
    : []
  const categoryOf = new Map(categories.map((row) => [row.id, row.categoryId]))
  const [categoryTax, taxRule] = await Promise.all([categoryTaxOf([...categoryOf.values()], executor), taxRuleFor(options.destination, executor)])

  const lines: PricingLine[] = buyable.map((line) => {
    const categoryId = categoryOf.get(line.productId) ?? 0
    const tax = categoryTax.get(categoryId)
    return {
      lineKey: String(line.productId),
      productId: line.productId,
      categoryId,
      currency: line.currency,
      unitPriceCents: line.unitPriceCents,
      quantity: Math.min(line.quantity, line.stock),
      taxCode: tax?.stripeTaxCode ?? null,
      zeroRated: tax?.zeroRated ?? false,
    }
  })
  const facts = { subtotalCents: lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0), weightGrams: lines.reduce((sum, line) => sum + (line.weightGrams ?? 0) * line.quantity, 0) }
  const chosen = await resolveShippingChoice(options.destination.country, options.shippingMethodId, facts, executor)
  if (!chosen.ok) {
    const available = await shippingOptionsFor(options.destination.country, facts, executor)
    return { ok: false, error: chosen.error, options: available.ok ? available.options : [] }
  }
  const available = await shippingOptionsFor(options.destination.country, facts, executor)
  const pricing = priceOrder({ currency: cart.currency, lines, shipping: chosen.choice, tax: taxRule, now: options.now ?? new Date(), ...options.promotions })
  return {
    ok: true,
    pricing,
    shipping: chosen.choice,
    options: available.ok ? available.options : [chosen.choice],
    addressCountries: await addressCountriesFor(options.destination.country, taxRule.mode, executor),
    taxRule,
    taxCodes: new Map(lines.map((line) => [line.productId, line.taxCode ?? null])),
  }
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
