/**
 * Tax, the pipeline's last stage. Today the shop charges none; the tax modes (a rate table,
 * inclusive or exclusive, or Stripe Tax) plug in here as further `TaxRule` variants.
 */

export type TaxRule = { mode: 'none' }

/** What the tax stage sees: each line after discounts, and shipping after its discount. */
export type TaxableOrder = {
  currency: string
  lines: readonly { lineKey: string; taxCode?: string | null; netCents: number }[]
  shippingNetCents: number
}

export type TaxOutcome = {
  lines: { lineKey: string; taxCents: number }[]
  shippingTaxCents: number
  /** Tax already contained in the prices: shown, not added to the total. */
  inclusive: boolean
}

export function computeTax(rule: TaxRule, order: TaxableOrder): TaxOutcome {
  switch (rule.mode) {
    case 'none':
      return { lines: order.lines.map((line) => ({ lineKey: line.lineKey, taxCents: 0 })), shippingTaxCents: 0, inclusive: false }
  }
}
