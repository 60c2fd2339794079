import 'server-only'
import type { Executor } from '@/db/client'
import { promotionCandidates } from '@/lib/promotions/rules'
import { priceOrder } from './pipeline'
import { DEFAULT_SHIPPING } from './shipping'
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
}

/**
 * Prices lines with the rules in the database: loads the candidate promotions, the shipping
 * method and the tax rule, then runs the pure pipeline. The one place the cart and checkout price.
 */
export async function priceLines(executor: Executor, input: PriceLinesInput): Promise<PricingResult> {
  const candidates = await promotionCandidates(executor, { code: input.code, customerEmail: input.customerEmail, cartId: input.cartId, lock: input.lock })
  return priceOrder({
    currency: input.currency,
    lines: input.lines,
    code: candidates.code,
    automatic: candidates.automatic,
    shipping: DEFAULT_SHIPPING,
    tax: { mode: 'none' },
    now: new Date(),
  })
}
