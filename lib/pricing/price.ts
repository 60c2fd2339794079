import 'server-only'
import type { Executor } from '@/db/client'
import { promotionCandidates } from '@/lib/promotions/rules'
import { priceOrder } from './pipeline'
import { defaultShippingWanted, shippingAndTax, type ShippingQuote, type ShippingWanted } from './quote'
import type { PricingLine, PricingResult } from './types'

export type PriceLinesInput = {
  currency: string
  lines: PricingLine[]
  /** The code the shopper entered (as stored on the cart), or null. */
  code: string | null
  customerEmail: string | null
  cartId: string | null
  /** At checkout: lock the code's row so usage limits hold under concurrent checkouts. */
  lock?: boolean
  /** Where and how it ships (the cart's choice); default: the home country, the zone's first method. */
  shipping?: ShippingWanted
}

/**
 * Prices lines with the rules in the database: loads the candidate promotions, the shipping
 * method and the tax rule, then runs the pure pipeline. The one place the cart and checkout price.
 */
export async function priceLines(executor: Executor, input: PriceLinesInput): Promise<{ pricing: PricingResult; shipping: ShippingQuote }> {
  const candidates = await promotionCandidates(executor, { code: input.code, customerEmail: input.customerEmail, cartId: input.cartId, lock: input.lock })
  const rules = await shippingAndTax(executor, input.lines, input.shipping ?? defaultShippingWanted)
  const pricing = priceOrder({
    currency: input.currency,
    lines: rules.lines,
    code: candidates.code,
    automatic: candidates.automatic,
    shipping: rules.shipping,
    tax: rules.taxRule,
    now: new Date(),
  })
  return { pricing, shipping: rules.quote }
}
