import { describe, expect, it } from 'vitest'
import { capQuantity, lineIssue, pricingLines } from './totals'

const line = (fields: Partial<Parameters<typeof lineIssue>[0]> = {}) => ({ quantity: 1, unitPriceCents: 1_000, seenPriceCents: 1_000, stock: 5, active: true, ...fields })

describe('cart rules', () => {
  it('flags the most serious problem of a line first', () => {
    expect(lineIssue(line())).toBeNull()
    expect(lineIssue(line({ active: false, stock: 0, unitPriceCents: 5 }))).toBe('inactive')
    expect(lineIssue(line({ stock: 0, unitPriceCents: 5 }))).toBe('out_of_stock')
    expect(lineIssue(line({ quantity: 6, unitPriceCents: 5 }))).toBe('insufficient_stock')
    expect(lineIssue(line({ unitPriceCents: 1_100 }))).toBe('price_changed')
  })

  it('prices only buyable lines (one per variant), at most what is in stock, in the cart currency', () => {
    const facts = (productId: number, fields: Partial<Parameters<typeof lineIssue>[0]>, currency = 'USD') => ({ ...line(fields), productId, variantId: productId * 10, categoryId: 1, currency })
    const priced = pricingLines(
      [facts(1, { quantity: 3, unitPriceCents: 333 }), facts(2, { quantity: 4, stock: 2, unitPriceCents: 1_001 }), facts(3, { active: false }), facts(4, { stock: 0 }), facts(5, {}, 'EUR')],
      'USD',
    )
    expect(priced).toEqual([
      { lineKey: '10', productId: 1, categoryId: 1, currency: 'USD', unitPriceCents: 333, quantity: 3, weightGrams: null },
      { lineKey: '20', productId: 2, categoryId: 1, currency: 'USD', unitPriceCents: 1_001, quantity: 2, weightGrams: null },
    ])
  })

  it('caps a quantity between 1, the stock and the per-line limit', () => {
    expect(capQuantity(5, 3)).toBe(3)
    expect(capQuantity(500, 1_000)).toBe(99)
    expect(capQuantity(0, 3)).toBe(1)
  })
})
