/**
 * The pricing pipeline: one pure function from lines, promotions, a shipping method and a tax rule
 * to every amount the shop shows or charges. The cart page, checkout, the payment pages, Stripe,
 * the order row, the emails and refund bounds all use its result; nothing recomputes totals.
 *
 * Rounding rules (integer cents throughout, no floats):
 * 1. A line's subtotal is unit price × quantity.
 * 2. A percentage promotion is computed once, on the sum of the lines it applies to, rounded half
 *    up (12.5 % of $0.20 is 3 cents), then spread over those lines in proportion to their amounts
 *    by largest remainder, so the per-line discounts sum exactly to the order's discount.
 * 3. A fixed-amount promotion takes min(amount, what its lines come to) and is spread the same way.
 *    When it is capped, the lines come to zero and `clamped` (and a note) says so; a total is never
 *    negative.
 * 4. With an automatic promotion and a code, the automatic one applies first and the code to what
 *    is left. The combination with the lowest total is chosen among: both, code only, automatic
 *    only, none (on a tie, the one listed first). A promotion that saves nothing is not applied.
 * 5. Shipping is the method's price, or zero when nothing is bought or the merchandise after
 *    discounts reaches the method's free-over threshold; a free-shipping promotion takes off the rest.
 *    Percentage and fixed promotions never touch shipping.
 * 6. Minimum subtotals of promotions are compared with the subtotal before any discount.
 * 7. Tax (lib/pricing/tax.ts) is computed last, on each line after its discount and on shipping
 *    after its discount; exclusive tax is added to the totals, inclusive tax is only reported.
 * 8. All lines must be in the order's currency (MixedCurrencyError otherwise).
 */
import { formatMoney } from '@/lib/money'
import { allocateProportionally, percentOf } from './allocate'
import { lineInScope, normalizeCode, promotionIneligibility, rejectionMessage } from './promotion-rules'
import { shippingPrice } from './shipping'
import { computeTax } from './tax'
import type { AppliedPromotion, CodeRejection, PricedLine, PricingInput, PricingLine, PricingResult, PromotionRule } from './types'

export * from './types'

export class MixedCurrencyError extends Error {
  constructor(expected: string, found: string) {
    super(`A line priced in ${found} cannot be priced in an order in ${expected}.`)
    this.name = 'MixedCurrencyError'
  }
}

type Stage = {
  /** Per line, what is left after the promotions applied so far. */
  net: number[]
  discounts: { promotionId: number; cents: number }[][]
  applied: AppliedPromotion[]
  freeShipping: AppliedPromotion | null
}

function applyPromotion(rule: PromotionRule, lines: readonly PricingLine[], stage: Stage): Stage {
  if (rule.effect.type === 'free_shipping') {
    const applied: AppliedPromotion = { promotionId: rule.id, code: rule.code, name: rule.name, effect: rule.effect, discountCents: 0, shippingDiscountCents: 0, clamped: false }
    return { ...stage, freeShipping: applied }
  }
  const weights = lines.map((line, index) => (lineInScope(rule, line) ? (stage.net[index] ?? 0) : 0))
  const base = weights.reduce((sum, weight) => sum + weight, 0)
  let amount: number
  let clamped = false
  if (rule.effect.type === 'percentage') {
    amount = percentOf(base, Math.min(Math.max(rule.effect.basisPoints, 0), 10_000))
  } else {
    amount = Math.min(Math.max(rule.effect.amountCents, 0), base)
    clamped = rule.effect.amountCents > base
  }
  const parts = allocateProportionally(amount, weights)
  return {
    ...stage,
    net: stage.net.map((net, index) => net - (parts[index] ?? 0)),
    discounts: stage.discounts.map((list, index) => ((parts[index] ?? 0) > 0 ? [...list, { promotionId: rule.id, cents: parts[index] ?? 0 }] : list)),
    applied: [...stage.applied, { promotionId: rule.id, code: rule.code, name: rule.name, effect: rule.effect, discountCents: amount, shippingDiscountCents: 0, clamped }],
  }
}

function assemble(input: PricingInput, combo: readonly PromotionRule[]): PricingResult {
  const { lines, currency } = input
  const subtotals = lines.map((line) => line.unitPriceCents * line.quantity)
  let stage: Stage = { net: [...subtotals], discounts: lines.map(() => []), applied: [], freeShipping: null }
  for (const rule of combo) stage = applyPromotion(rule, lines, stage)

  const merchandiseCents = stage.net.reduce((sum, net) => sum + net, 0)
  const shippingPriceCents = shippingPrice(input.shipping, lines.length > 0, merchandiseCents)
  const shippingDiscountCents = stage.freeShipping ? shippingPriceCents : 0
  // A promotion that saves nothing is not applied (and so uses nothing up).
  const promotions = [...stage.applied, ...(stage.freeShipping ? [{ ...stage.freeShipping, shippingDiscountCents }] : [])].filter(
    (promotion) => promotion.discountCents + promotion.shippingDiscountCents > 0,
  )

  const tax = computeTax(input.tax, {
    currency,
    lines: lines.map((line, index) => ({ lineKey: line.lineKey, taxCode: line.taxCode ?? null, zeroRated: line.zeroRated ?? false, netCents: stage.net[index] ?? 0 })),
    shippingNetCents: shippingPriceCents - shippingDiscountCents,
  })
  const added = (cents: number) => (tax.inclusive ? 0 : cents)

  const priced: PricedLine[] = lines.map((line, index) => {
    const subtotalCents = subtotals[index] ?? 0
    const net = stage.net[index] ?? 0
    const taxCents = tax.lines[index]?.taxCents ?? 0
    return {
      lineKey: line.lineKey,
      productId: line.productId,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      subtotalCents,
      discountCents: subtotalCents - net,
      discounts: stage.discounts[index] ?? [],
      taxCents,
      taxCode: line.taxCode ?? null,
      totalCents: net + added(taxCents),
    }
  })
  const shippingNet = shippingPriceCents - shippingDiscountCents
  const shipping = {
    methodId: input.shipping.methodId,
    name: input.shipping.name,
    priceCents: shippingPriceCents,
    freeOverCents: input.shipping.freeOverCents ?? null,
    discountCents: shippingDiscountCents,
    taxCents: tax.shippingTaxCents,
    totalCents: shippingNet + added(tax.shippingTaxCents),
  }
  const notes = promotions
    .filter((promotion) => promotion.clamped && promotion.effect.type === 'fixed')
    .map((promotion) => {
      const label = promotion.code ?? promotion.name
      const offered = promotion.effect.type === 'fixed' ? promotion.effect.amountCents : 0
      return `${label} takes off up to ${formatMoney(offered, currency)}; the items it applies to come to ${formatMoney(promotion.discountCents, currency)}, so they are now free.`
    })
  // Every part is non-negative by construction (discounts are capped at what they apply to).
  const totalCents = Math.max(0, priced.reduce((sum, line) => sum + line.totalCents, 0) + shipping.totalCents)
  return {
    currency,
    lines: priced,
    subtotalCents: subtotals.reduce((sum, cents) => sum + cents, 0),
    discountCents: priced.reduce((sum, line) => sum + line.discountCents, 0),
    shipping,
    shippingCents: shippingPriceCents,
    shippingDiscountCents,
    taxCents: tax.lines.reduce((sum, line) => sum + line.taxCents, 0) + tax.shippingTaxCents,
    taxInclusive: tax.inclusive,
    totalCents,
    promotions,
    codeRejection: null,
    notes,
  }
}

function checkLines(input: PricingInput) {
  for (const line of input.lines) {
    if (line.currency !== input.currency) throw new MixedCurrencyError(input.currency, line.currency)
    if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0 || !Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new RangeError(`Line ${line.lineKey} needs a whole, non-negative price and a positive quantity.`)
    }
  }
  if (!Number.isSafeInteger(input.shipping.priceCents) || input.shipping.priceCents < 0) throw new RangeError('The shipping price must be a whole, non-negative number of cents.')
}

/** Prices an order. Pure: same input, same result; no database, no clock (pass `now`). */
export function priceOrder(input: PricingInput): PricingResult {
  checkLines(input)
  const subtotalCents = input.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0)
  const context = { currency: input.currency, lines: input.lines, subtotalCents, now: input.now }

  let code: PromotionRule | null = null
  let rejection: CodeRejection | null = null
  if (input.code) {
    const typed = normalizeCode(input.code.input)
    const rule = input.code.rule
    const reason = rule ? promotionIneligibility(rule, context) : 'unknown'
    if (reason) rejection = { code: typed, reason, message: rejectionMessage(typed, reason, { rule, subtotalCents, currency: input.currency }) }
    else code = rule
  }
  const automatic = (input.automatic ?? []).filter((rule) => rule.code === null && promotionIneligibility(rule, context) === null)

  // Every allowed combination, in tie-break order: automatic + code, code, automatic, none.
  const combos: PromotionRule[][] = []
  if (code) for (const rule of automatic) combos.push([rule, code])
  if (code) combos.push([code])
  for (const rule of automatic) combos.push([rule])
  combos.push([])
  let best = assemble(input, combos[0] ?? [])
  for (const combo of combos.slice(1)) {
    const candidate = assemble(input, combo)
    if (candidate.totalCents < best.totalCents) best = candidate
  }

  if (code && !best.promotions.some((promotion) => promotion.promotionId === code.id)) {
    const typed = normalizeCode(input.code?.input ?? '')
    const shippingAlreadyFree = code.effect.type === 'free_shipping' && best.shipping.priceCents === 0
    rejection = { code: typed, reason: 'no_saving', message: rejectionMessage(typed, 'no_saving', { rule: code, subtotalCents, currency: input.currency, shippingAlreadyFree }) }
  }
  return { ...best, codeRejection: rejection }
}
