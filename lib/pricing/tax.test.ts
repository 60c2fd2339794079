import { describe, expect, it } from 'vitest'
import { priceOrder } from './pipeline'
import { computeTax, formatRate, refundTaxShare, type TaxableOrder, type TaxRule, taxOn } from './tax'
import type { PricingLine, PromotionRule, ShippingChoice } from './types'

// Every expected amount is worked out by hand in the comment beside it.

const vat20 = (pricesIncludeTax: boolean, shippingTaxable = true): TaxRule => ({ mode: 'table', name: 'VAT', ratePpm: 200_000, shippingTaxable, pricesIncludeTax })
const nyc: TaxRule = { mode: 'table', name: 'Sales tax', ratePpm: 88_750, shippingTaxable: true, pricesIncludeTax: false }

function order(lines: [netCents: number, zeroRated?: boolean][], shippingNetCents: number): TaxableOrder {
  return { currency: 'USD', lines: lines.map(([netCents, zeroRated], index) => ({ lineKey: String(index + 1), netCents, zeroRated })), shippingNetCents }
}
const taxes = (outcome: ReturnType<typeof computeTax>) => outcome.lines.map((line) => line.taxCents)

describe('tax on prices that exclude it', () => {
  it('taxes each line and the shipping, rounding half up per line', () => {
    // 19.99 × 20% = 3.998 → 4.00; 12.34 is zero-rated; 4.95 × 20% = 0.99.
    const tax = computeTax(vat20(false), order([[1_999], [1_234, true]], 495))
    expect(tax).toEqual({
      lines: [
        { lineKey: '1', taxCents: 400 },
        { lineKey: '2', taxCents: 0 },
      ],
      shippingTaxCents: 99,
      inclusive: false,
    })
  })

  it('handles a three-decimal rate: 8.875% of $46.90 is $4.16 and of $4.95 shipping $0.44', () => {
    const tax = computeTax(nyc, order([[4_690]], 495))
    expect(taxes(tax)).toEqual([416])
    expect(tax.shippingTaxCents).toBe(44)
  })

  it('rounds exact halves up: 10% of 5¢ is 1¢ and of 15¢ is 2¢, of 4¢ is 0¢', () => {
    expect(taxOn(5, 100_000, false)).toBe(1)
    expect(taxOn(15, 100_000, false)).toBe(2)
    expect(taxOn(4, 100_000, false)).toBe(0)
  })

  it('leaves shipping untaxed when the rate says so, and free shipping has no tax', () => {
    expect(computeTax(vat20(false, false), order([[1_000]], 495))).toMatchObject({ shippingTaxCents: 0, lines: [{ taxCents: 200 }] })
    expect(computeTax(vat20(false), order([[1_000]], 0)).shippingTaxCents).toBe(0)
  })

  it('an order of zero-rated lines only has no tax on its lines', () => {
    expect(
      taxes(
        computeTax(
          vat20(false),
          order(
            [
              [5_000, true],
              [2_500, true],
            ],
            0,
          ),
        ),
      ),
    ).toEqual([0, 0])
  })
})

describe('tax inside prices that include it', () => {
  it('finds the tax inside each amount', () => {
    // 12.00 incl. 20% holds 2.00; 19.99 holds 3.3316… → 3.33; 4.95 shipping holds 0.825 → 0.83.
    const tax = computeTax(vat20(true), order([[1_200], [1_999]], 495))
    expect(taxes(tax)).toEqual([200, 333])
    expect(tax.shippingTaxCents).toBe(83)
    expect(tax.inclusive).toBe(true)
  })

  it('25% inside $2.50 is $0.50; a zero-rated line holds none', () => {
    const rule: TaxRule = { mode: 'table', name: 'MVA', ratePpm: 250_000, shippingTaxable: false, pricesIncludeTax: true }
    expect(taxes(computeTax(rule, order([[250], [250, true]], 0)))).toEqual([50, 0])
  })
})

describe('no tax, and Stripe Tax', () => {
  it('adds nothing without a rate, and leaves the tax to Stripe (recorded later from the webhook)', () => {
    expect(computeTax({ mode: 'none' }, order([[1_000]], 495))).toEqual({ lines: [{ lineKey: '1', taxCents: 0 }], shippingTaxCents: 0, inclusive: false })
    expect(computeTax({ mode: 'stripe', pricesIncludeTax: false }, order([[1_000]], 495))).toEqual({ lines: [{ lineKey: '1', taxCents: 0 }], shippingTaxCents: 0, inclusive: false })
  })
})

describe('tax in the pricing pipeline', () => {
  const now = new Date('2026-11-28T12:00:00Z')
  const express: ShippingChoice = { methodId: 2, name: 'Express', priceCents: 1_495, freeOverCents: null }
  const standard: ShippingChoice = { methodId: 1, name: 'Standard', priceCents: 495, freeOverCents: 5_000 }
  const line = (lineKey: string, unitPriceCents: number, quantity = 1, zeroRated = false): PricingLine => ({
    lineKey,
    productId: Number(lineKey),
    categoryId: 1,
    currency: 'USD',
    unitPriceCents,
    quantity,
    zeroRated,
  })

  it('exclusive 8.875% with Express: every line, the shipping and the total', () => {
    // 19.99 × 2 = 39.98 → tax 3.548225 → 3.55; 5.50 → 0.488125 → 0.49; Express 14.95 → 1.3268125 → 1.33.
    // Total 45.48 + 14.95 + 5.37 = 65.80.
    const result = priceOrder({ currency: 'USD', lines: [line('1', 1_999, 2), line('2', 550)], shipping: express, tax: nyc, now })
    expect(result.lines.map((l) => [l.taxCents, l.totalCents])).toEqual([
      [355, 4_353],
      [49, 599],
    ])
    expect(result.shipping).toMatchObject({ name: 'Express', priceCents: 1_495, taxCents: 133, totalCents: 1_628 })
    expect(result.taxCents).toBe(537)
    expect(result.taxInclusive).toBe(false)
    expect(result.totalCents).toBe(6_580)
  })

  it('taxes lines after their discount: 20% off $10 + $30 with 20% VAT on top', () => {
    // 20% of 40.00 = 8.00, spread 2.00 / 6.00 → nets 8.00 / 24.00; VAT 1.60 / 4.80.
    // Merchandise 32.00 < 50: Standard 4.95, VAT 0.99. Total 32.00 + 4.95 + 6.40 + 0.99 = 44.34.
    const code: PromotionRule = {
      id: 7,
      name: '20% off',
      code: 'SAVE20',
      effect: { type: 'percentage', basisPoints: 2_000 },
      scope: { type: 'order' },
      minSubtotalCents: 0,
      startsAt: null,
      endsAt: null,
      active: true,
      currency: 'USD',
      exhausted: false,
      usedByCustomer: false,
    }
    const result = priceOrder({ currency: 'USD', lines: [line('1', 1_000), line('2', 3_000)], code: { input: 'save20', rule: code }, shipping: standard, tax: vat20(false), now })
    expect(result.lines.map((l) => [l.discountCents, l.taxCents, l.totalCents])).toEqual([
      [200, 160, 960],
      [600, 480, 2_880],
    ])
    expect(result.shipping).toMatchObject({ priceCents: 495, taxCents: 99, totalCents: 594 })
    expect(result.taxCents).toBe(739)
    expect(result.totalCents).toBe(4_434)
  })

  it('inclusive VAT is reported, not added; a zero-rated line holds none', () => {
    // 12.00 holds 2.00; 19.99 is zero-rated; Standard 4.95 holds 0.83. Total 12.00 + 19.99 + 4.95 = 36.94.
    const result = priceOrder({ currency: 'USD', lines: [line('1', 1_200), line('2', 1_999, 1, true)], shipping: standard, tax: vat20(true), now })
    expect(result.lines.map((l) => l.taxCents)).toEqual([200, 0])
    expect(result.shipping.taxCents).toBe(83)
    expect(result.taxCents).toBe(283)
    expect(result.taxInclusive).toBe(true)
    expect(result.totalCents).toBe(3_694)
  })

  it('free shipping over the threshold carries no shipping tax', () => {
    // 60.00 ≥ 50: shipping free; 10% of 60.00 = 6.00. Total 66.00.
    const result = priceOrder({
      currency: 'USD',
      lines: [line('1', 6_000)],
      shipping: standard,
      tax: { mode: 'table', name: 'VAT', ratePpm: 100_000, shippingTaxable: true, pricesIncludeTax: false },
      now,
    })
    expect(result.shipping).toMatchObject({ priceCents: 0, taxCents: 0 })
    expect(result.taxCents).toBe(600)
    expect(result.totalCents).toBe(6_600)
  })
})

describe('the tax share of refunds', () => {
  it('returns tax in proportion to the money refunded, and all of it with the last refund', () => {
    const paid = { totalCents: 12_000, taxCents: 2_000 }
    expect(refundTaxShare(paid, 0, 3_000)).toBe(500)
    expect(refundTaxShare(paid, 3_000, 9_000)).toBe(1_500)
  })

  it('three uneven refunds of an order with 77¢ tax return 26¢ + 25¢ + 26¢ = 77¢', () => {
    // 3.33 × 77/1000 = 25.6 → 26; 6.66 → 51.3 → 51, less 26 = 25; 10.00 → 77, less 51 = 26.
    const paid = { totalCents: 1_000, taxCents: 77 }
    expect([refundTaxShare(paid, 0, 333), refundTaxShare(paid, 333, 333), refundTaxShare(paid, 666, 334)]).toEqual([26, 25, 26])
  })

  it('returns nothing for an untaxed order and never more than the order’s tax', () => {
    expect(refundTaxShare({ totalCents: 5_000, taxCents: 0 }, 0, 5_000)).toBe(0)
    expect(refundTaxShare({ totalCents: 1_000, taxCents: 100 }, 900, 500)).toBe(10)
  })
})

describe('rates', () => {
  it('shows a rate as a percentage', () => {
    expect(formatRate(88_750)).toBe('8.875%')
    expect(formatRate(200_000)).toBe('20%')
    expect(formatRate(0)).toBe('0%')
  })
})
