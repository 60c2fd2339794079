/** Integer splits used by the pipeline and refunds: the parts always sum exactly to the whole. */

/**
 * Splits `totalCents` over `weights` in proportion (largest remainder): each part is the floor of
 * its exact share, and the cents left over go one each to the parts with the largest remainders,
 * the earlier part first on a tie. No part exceeds its weight when `totalCents` ≤ the weights' sum.
 */
export function allocateProportionally(totalCents: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0)
  if (sum <= 0 || totalCents <= 0) return weights.map(() => 0)
  // BigInt: total × weight can pass 2^53 for large orders.
  const big = BigInt(totalCents)
  const bigSum = BigInt(sum)
  const parts = weights.map((weight) => {
    const exact = big * BigInt(weight)
    return { floor: Number(exact / bigSum), remainder: exact % bigSum }
  })
  let left = totalCents - parts.reduce((acc, part) => acc + part.floor, 0)
  const order = parts.map((part, index) => ({ index, remainder: part.remainder })).sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1))
  const result = parts.map((part) => part.floor)
  for (const { index } of order) {
    if (left <= 0) break
    result[index] = (result[index] ?? 0) + 1
    left -= 1
  }
  return result
}

/** `cents` × basisPoints / 10 000, rounded half up (a half cent goes up). */
export function percentOf(cents: number, basisPoints: number) {
  return Number((BigInt(cents) * BigInt(basisPoints) + 5_000n) / 10_000n)
}

/**
 * What `units` units of a line are worth when `alreadyUnits` were already taken (refunded) out of
 * `quantity`: the line's `totalCents` is spread over its units by cumulative floors, so refunding
 * every unit one at a time returns exactly the line's total, never a cent more or less.
 */
export function unitsShare(totalCents: number, quantity: number, alreadyUnits: number, units: number) {
  if (quantity <= 0 || units <= 0) return 0
  const upTo = (count: number) => Number((BigInt(totalCents) * BigInt(Math.min(Math.max(count, 0), quantity))) / BigInt(quantity))
  return upTo(alreadyUnits + units) - upTo(alreadyUnits)
}
