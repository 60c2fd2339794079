import type { PricingResult } from './types'

export type ChargeLine = { name: string; unitPriceCents: number; quantity: number; imageUrl: string | null; taxCode?: string | null }

/**
 * The lines a payment page charges, so that its total equals the order's to the cent: each priced
 * line's total (after discounts) is charged as whole units. When the discounted total does not
 * divide by the quantity, the line is split in two: r units at ⌊total / q⌋ + 1 and q − r units at
 * ⌊total / q⌋ (r = total mod q), e.g. 3 lamps for $29.00 → 2 × $9.67 + 1 × $9.66.
 */
export function chargeLines(pricing: Pick<PricingResult, 'lines'>, describe: (lineKey: string) => { name: string; imageUrl: string | null; taxCode?: string | null }): ChargeLine[] {
  return pricing.lines.flatMap((line) => {
    const { name, imageUrl, taxCode = null } = describe(line.lineKey)
    const label = line.discountCents > 0 ? `${name} (discounted)` : name
    const unit = Math.floor(line.totalCents / line.quantity)
    const extra = line.totalCents - unit * line.quantity
    const lines: ChargeLine[] = []
    if (extra > 0) lines.push({ name: label, unitPriceCents: unit + 1, quantity: extra, imageUrl, ...(taxCode ? { taxCode } : {}) })
    if (line.quantity - extra > 0) lines.push({ name: label, unitPriceCents: unit, quantity: line.quantity - extra, imageUrl, ...(taxCode ? { taxCode } : {}) })
    return lines
  })
}
