/**
 * Tax arithmetic, pure and in integer cents. The rules, written down once:
 *
 * - Tax is computed per line, on the line's amount after its discounts, and rounded half up to the
 *   cent on each line; shipping is taxed as one more line when the rate says so. The order's tax is
 *   the sum of those roundings, so every line's tax is a number the order can refund.
 * - Prices exclusive of tax: a line's tax is amount × rate, added to the total.
 * - Prices inclusive of tax: the amount already holds its tax, which is amount × rate / (1 + rate);
 *   the total does not change, and receipts say "incl. $X tax".
 * - A zero-rated line (its category says so) has no tax under any rate.
 * - Stripe Tax (`mode: 'stripe'`): Stripe computes the tax on its payment page from the address it
 *   collects, so the pipeline adds none; the webhook records what Stripe charged, spread over the
 *   lines with `allocateCents`.
 * - A refund returns the order's tax in proportion to the money refunded, computed on the running
 *   total of refunds so that refunding everything returns exactly all the tax.
 *
 * Rates are integers in millionths (parts per million): 8.875% is 88 750, 20% is 200 000.
 */

export const RATE_SCALE = 1_000_000

export type TaxRule = { mode: 'none' } | { mode: 'table'; name: string; ratePpm: number; shippingTaxable: boolean; pricesIncludeTax: boolean } | { mode: 'stripe'; pricesIncludeTax: boolean }

export type TaxableLine = { amountCents: number; zeroRated: boolean }

export type TaxBreakdown = {
  mode: TaxRule['mode']
  /** Tax of each line, in the order given. */
  lineTaxCents: number[]
  shippingTaxCents: number
  taxCents: number
  /** True when the tax is inside the prices (nothing to add to the total). */
  included: boolean
  /** What the tax adds to the total: the tax when prices exclude it, else 0. */
  addedCents: number
  /** The label shoppers see ("VAT", "Sales tax"), or '' when there is none. */
  name: string
}

/** a × b / c rounded half up, exactly (BigInt), for non-negative integers. */
export function mulDivRound(a: number, b: number, c: number): number {
  if (a < 0 || b < 0 || c <= 0) throw new RangeError('mulDivRound takes non-negative amounts and a positive divisor')
  const numerator = BigInt(a) * BigInt(b)
  const divisor = BigInt(c)
  return Number((numerator * 2n + divisor) / (divisor * 2n))
}

/** The tax inside (inclusive) or on top of (exclusive) one amount at a rate. */
export function taxOn(amountCents: number, ratePpm: number, pricesIncludeTax: boolean): number {
  if (ratePpm === 0 || amountCents === 0) return 0
  return pricesIncludeTax ? mulDivRound(amountCents, ratePpm, RATE_SCALE + ratePpm) : mulDivRound(amountCents, ratePpm, RATE_SCALE)
}

export function computeTax(rule: TaxRule, lines: TaxableLine[], shippingCents: number): TaxBreakdown {
  if (rule.mode !== 'table') {
    return { mode: rule.mode, lineTaxCents: lines.map(() => 0), shippingTaxCents: 0, taxCents: 0, included: rule.mode === 'stripe' && rule.pricesIncludeTax, addedCents: 0, name: '' }
  }
  const lineTaxCents = lines.map((line) => (line.zeroRated ? 0 : taxOn(line.amountCents, rule.ratePpm, rule.pricesIncludeTax)))
  const shippingTaxCents = rule.shippingTaxable ? taxOn(shippingCents, rule.ratePpm, rule.pricesIncludeTax) : 0
  const taxCents = lineTaxCents.reduce((sum, tax) => sum + tax, shippingTaxCents)
  return { mode: 'table', lineTaxCents, shippingTaxCents, taxCents, included: rule.pricesIncludeTax, addedCents: rule.pricesIncludeTax ? 0 : taxCents, name: rule.name }
}

/**
 * The tax a refund of `amountCents` returns, after `refundedBeforeCents` were already refunded from
 * an order of `totalCents` holding `taxCents` of tax.
 */
export function refundTaxShare(order: { totalCents: number; taxCents: number }, refundedBeforeCents: number, amountCents: number): number {
  if (order.totalCents <= 0 || order.taxCents <= 0) return 0
  const shareOf = (refunded: number) => mulDivRound(Math.min(refunded, order.totalCents), order.taxCents, order.totalCents)
  return shareOf(refundedBeforeCents + amountCents) - shareOf(refundedBeforeCents)
}

/**
 * Splits `totalCents` over parts in proportion to their weights, to the cent: each gets its floor,
 * and the cents left go to the largest remainders (the earliest part on a tie). The parts add up
 * to the total exactly. All weights zero: everything goes to the last part.
 */
export function allocateCents(totalCents: number, weights: number[]): number[] {
  if (weights.length === 0) return []
  const sum = weights.reduce((total, weight) => total + weight, 0)
  if (sum === 0) return weights.map((_, index) => (index === weights.length - 1 ? totalCents : 0))
  const total = BigInt(totalCents)
  const whole = BigInt(sum)
  const shares = weights.map((weight) => {
    const exact = total * BigInt(weight)
    return { floor: Number(exact / whole), remainder: exact % whole }
  })
  let left = totalCents - shares.reduce((acc, share) => acc + share.floor, 0)
  const order = shares
    .map((_, index) => index)
    .sort((a, b) => ((shares[b]?.remainder ?? 0n) > (shares[a]?.remainder ?? 0n) ? 1 : (shares[b]?.remainder ?? 0n) < (shares[a]?.remainder ?? 0n) ? -1 : a - b))
  const result = shares.map((share) => share.floor)
  for (const index of order) {
    if (left === 0) break
    result[index] = (result[index] ?? 0) + 1
    left--
  }
  return result
}

/** "8.875%" from 88 750. */
export function formatRate(ratePpm: number): string {
  const percent = ratePpm / 10_000
  return `${Number(percent.toFixed(4))}%`
}
