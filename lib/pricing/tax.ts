/**
 * Tax, the pipeline's last stage. Pure and in integer cents. The rules, written down once:
 *
 * - Tax is computed per line, on the line's amount after its discounts, and rounded half up to the
 *   cent on each line; shipping (after its discount) is taxed as one more line when the rate says
 *   so. The order's tax is the sum of those roundings, so every line's tax is a number the order
 *   can refund.
 * - Prices exclusive of tax (`pricesIncludeTax: false`): a line's tax is amount × rate, added to
 *   the total.
 * - Prices inclusive of tax: the amount already holds its tax, amount × rate / (1 + rate); the
 *   total does not change, and receipts say "incl. $X tax".
 * - A zero-rated line (its category says so) has no tax under any rate.
 * - No rate for the destination (`mode: 'none'`): no tax.
 * - Stripe Tax (`mode: 'stripe'`): Stripe computes the tax on its payment page from the address it
 *   collects, so the pipeline adds none; the webhook records what Stripe charged
 *   (lib/orders/tax.ts), spread over the lines.
 * - A refund returns the order's tax in proportion to the money refunded, computed on the running
 *   total of refunds so that refunding everything returns exactly all the tax (`refundTaxShare`).
 *
 * Rates are integers in millionths (parts per million): 8.875% is 88 750, 20% is 200 000.
 */

export const RATE_SCALE = 1_000_000

export type TaxRule = { mode: 'none' } | { mode: 'table'; name: string; ratePpm: number; shippingTaxable: boolean; pricesIncludeTax: boolean } | { mode: 'stripe'; pricesIncludeTax: boolean }

/** What the tax stage sees: each line after discounts, and shipping after its discount. */
export type TaxableOrder = {
  currency: string
  lines: readonly { lineKey: string; taxCode?: string | null; zeroRated?: boolean; netCents: number }[]
  shippingNetCents: number
}

export type TaxOutcome = {
  lines: { lineKey: string; taxCents: number }[]
  shippingTaxCents: number
  /** Tax already contained in the prices: shown, not added to the total. */
  inclusive: boolean
}

/** a × b / c rounded half up, exactly (BigInt), for non-negative integers. */
export function mulDivRound(a: number, b: number, c: number): number {
  if (a < 0 || b < 0 || c <= 0) throw new RangeError('mulDivRound takes non-negative amounts and a positive divisor')
  const divisor = BigInt(c)
  return Number((BigInt(a) * BigInt(b) * 2n + divisor) / (divisor * 2n))
}

/** The tax inside (inclusive) or on top of (exclusive) one amount at a rate. */
export function taxOn(amountCents: number, ratePpm: number, pricesIncludeTax: boolean): number {
  if (ratePpm === 0 || amountCents <= 0) return 0
  return pricesIncludeTax ? mulDivRound(amountCents, ratePpm, RATE_SCALE + ratePpm) : mulDivRound(amountCents, ratePpm, RATE_SCALE)
}

export function computeTax(rule: TaxRule, order: TaxableOrder): TaxOutcome {
  switch (rule.mode) {
    case 'none':
      return { lines: order.lines.map((line) => ({ lineKey: line.lineKey, taxCents: 0 })), shippingTaxCents: 0, inclusive: false }
    case 'stripe':
      return { lines: order.lines.map((line) => ({ lineKey: line.lineKey, taxCents: 0 })), shippingTaxCents: 0, inclusive: rule.pricesIncludeTax }
    case 'table':
      return {
        lines: order.lines.map((line) => ({ lineKey: line.lineKey, taxCents: line.zeroRated ? 0 : taxOn(line.netCents, rule.ratePpm, rule.pricesIncludeTax) })),
        shippingTaxCents: rule.shippingTaxable ? taxOn(order.shippingNetCents, rule.ratePpm, rule.pricesIncludeTax) : 0,
        inclusive: rule.pricesIncludeTax,
      }
  }
}

/** The name shoppers see on the tax line: "VAT", "Sales tax"; "Tax" when Stripe decides. */
export function taxLabel(rule: TaxRule) {
  return rule.mode === 'table' ? rule.name : 'Tax'
}

/**
 * The tax a refund of `amountCents` returns, after `refundedBeforeCents` were already refunded (or
 * are being refunded) from an order of `totalCents` holding `taxCents` of tax.
 */
export function refundTaxShare(order: { totalCents: number; taxCents: number }, refundedBeforeCents: number, amountCents: number): number {
  if (order.totalCents <= 0 || order.taxCents <= 0) return 0
  const shareOf = (refunded: number) => mulDivRound(Math.min(Math.max(refunded, 0), order.totalCents), order.taxCents, order.totalCents)
  return shareOf(refundedBeforeCents + amountCents) - shareOf(refundedBeforeCents)
}

/** "8.875%" from 88 750. */
export function formatRate(ratePpm: number): string {
  return `${Number((ratePpm / 10_000).toFixed(4))}%`
}
