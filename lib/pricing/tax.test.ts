import { describe, expect, it } from 'vitest'
import { allocateCents, computeTax, formatRate, refundTaxShare, type TaxRule, taxOn } from './tax'

const vat20 = (pricesIncludeTax: boolean, shippingTaxable = true): TaxRule => ({ mode: 'table', name: 'VAT', ratePpm: 200_000, shippingTaxable, pricesIncludeTax })
const nyc: TaxRule = { mode: 'table', name: 'Sales tax', ratePpm: 88_750, shippingTaxable: true, pricesIncludeTax: false }

describe('tax on prices that exclude it', () => {
  it('taxes each line and the shipping, rounding half up per line, and adds it to the total', () => {
    // 19.99 × 20% = 3.998 → 4.00; 12.34 is zero-rated; 4.95 × 20% = 0.99.
    const tax = computeTax(
      vat20(false),
      [
        { amountCents: 1_999, zeroRated: false },
        { amountCents: 1_234, zeroRated: true },
      ],
      495,
    )
    expect(tax).toEqual({ mode: 'table', lineTaxCents: [400, 0], shippingTaxCents: 99, taxCents: 499, included: false, addedCents: 499, name: 'VAT' })
  })

  it('handles a three-decimal rate: 8.875% of $46.90 is $4.16 and of $4.95 shipping $0.44', () => {
    const tax = computeTax(nyc, [{ amountCents: 4_690, zeroRated: false }], 495)
    expect(tax.lineTaxCents).toEqual([416])
    expect(tax.shippingTaxCents).toBe(44)
    expect(tax.taxCents).toBe(460)
    expect(tax.addedCents).toBe(460)
  })

  it('rounds exact halves up: 10% of 5¢ is 1¢ and of 15¢ is 2¢, of 4¢ is 0¢', () => {
    expect(taxOn(5, 100_000, false)).toBe(1)
    expect(taxOn(15, 100_000, false)).toBe(2)
    expect(taxOn(4, 100_000, false)).toBe(0)
  })

  it('leaves shipping untaxed when the rate says so, and free shipping has no tax', () => {
    expect(computeTax(vat20(false, false), [{ amountCents: 1_000, zeroRated: false }], 495)).toMatchObject({ lineTaxCents: [200], shippingTaxCents: 0, taxCents: 200 })
    expect(computeTax(vat20(false), [{ amountCents: 1_000, zeroRated: false }], 0)).toMatchObject({ shippingTaxCents: 0, taxCents: 200 })
  })

  it('an order of zero-rated lines only has no tax on its lines', () => {
    expect(
      computeTax(
        vat20(false, false),
        [
          { amountCents: 5_000, zeroRated: true },
          { amountCents: 2_500, zeroRated: true },
        ],
        495,
      ),
    ).toMatchObject({ lineTaxCents: [0, 0], taxCents: 0, addedCents: 0 })
  })
})

describe('tax inside prices that include it', () => {
  it('finds the tax inside each amount and adds nothing to the total', () => {
    // 12.00 incl. 20% holds 2.00; 19.99 holds 3.3316… → 3.33; 4.95 shipping holds 0.825 → 0.83.
    const tax = computeTax(
      vat20(true),
      [
        { amountCents: 1_200, zeroRated: false },
        { amountCents: 1_999, zeroRated: false },
      ],
      495,
    )
    expect(tax).toEqual({ mode: 'table', lineTaxCents: [200, 333], shippingTaxCents: 83, taxCents: 616, included: true, addedCents: 0, name: 'VAT' })
  })

  it('25% inside $2.50 is $0.50; a zero-rated line holds none', () => {
    const rule: TaxRule = { mode: 'table', name: 'MVA', ratePpm: 250_000, shippingTaxable: false, pricesIncludeTax: true }
    expect(
      computeTax(
        rule,
        [
          { amountCents: 250, zeroRated: false },
          { amountCents: 250, zeroRated: true },
        ],
        0,
      ).lineTaxCents,
    ).toEqual([50, 0])
  })
})

describe('no tax, and Stripe Tax', () => {
  it('adds nothing without a rate', () => {
    expect(computeTax({ mode: 'none' }, [{ amountCents: 1_000, zeroRated: false }], 495)).toEqual({
      mode: 'none',
      lineTaxCents: [0],
      shippingTaxCents: 0,
      taxCents: 0,
      included: false,
      addedCents: 0,
      name: '',
    })
  })

  it('leaves the tax to Stripe (recorded later from the webhook)', () => {
    expect(computeTax({ mode: 'stripe', pricesIncludeTax: false }, [{ amountCents: 1_000, zeroRated: false }], 495)).toMatchObject({ mode: 'stripe', taxCents: 0, addedCents: 0 })
  })
})

describe('the tax share of refunds', () => {
  it('returns tax in proportion to the money refunded, and all of it with the last refund', () => {
    const order = { totalCents: 12_000, taxCents: 2_000 }
    expect(refundTaxShare(order, 0, 3_000)).toBe(500)
    expect(refundTaxShare(order, 3_000, 9_000)).toBe(1_500)
  })

  it('three uneven refunds of an order with 77¢ tax return 26¢ + 25¢ + 26¢ = 77¢', () => {
    const order = { totalCents: 1_000, taxCents: 77 }
    const first = refundTaxShare(order, 0, 333)
    const second = refundTaxShare(order, 333, 333)
    const third = refundTaxShare(order, 666, 334)
    expect([first, second, third]).toEqual([26, 25, 26])
  })

  it('returns nothing for an untaxed order and never more than the order’s tax', () => {
    expect(refundTaxShare({ totalCents: 5_000, taxCents: 0 }, 0, 5_000)).toBe(0)
    expect(refundTaxShare({ totalCents: 1_000, taxCents: 100 }, 900, 500)).toBe(10)
  })
})

describe('allocating Stripe’s tax over the lines', () => {
  it('splits to the cent, remainders to the largest fractions, earliest first on a tie', () => {
    expect(allocateCents(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocateCents(10, [1, 2])).toEqual([3, 7])
    expect(allocateCents(1_000, [2_500, 7_500])).toEqual([250, 750])
    expect(allocateCents(7, [0, 0])).toEqual([0, 7])
    expect(allocateCents(0, [5, 5])).toEqual([0, 0])
  })
})

describe('rates', () => {
  it('shows a rate as a percentage', () => {
    expect(formatRate(88_750)).toBe('8.875%')
    expect(formatRate(200_000)).toBe('20%')
    expect(formatRate(0)).toBe('0%')
  })
})
