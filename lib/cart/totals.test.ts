import { describe, expect, it } from 'vitest'
import { capQuantity, cartTotals, lineIssue, shippingFor } from './totals'

const line = (fields: Partial<Parameters<typeof lineIssue>[0]> = {}) => ({ quantity: 1, unitPriceCents: 1_000, seenPriceCents: 1_000, stock: 5, active: true, ...fields })

describe('cart arithmetic', () => {
  it('flags the most serious problem of a line first', () => {
    expect(lineIssue(line())).toBeNull()
    expect(lineIssue(line({ active: false, stock: 0, unitPriceCents: 5 }))).toBe('inactive')
    expect(lineIssue(line({ stock: 0, unitPriceCents: 5 }))).toBe('out_of_stock')
    expect(lineIssue(line({ quantity: 6, unitPriceCents: 5 }))).toBe('insufficient_stock')
    expect(lineIssue(line({ unitPriceCents: 1_100 }))).toBe('price_changed')
  })

  it('ships free from $50 and charges $4.95 below', () => {
    expect(shippingFor(0)).toBe(0)
    expect(shippingFor(4_999)).toBe(495)
    expect(shippingFor(5_000)).toBe(0)
  })

  it('totals count only buyable lines, at most what is in stock, in integer cents', () => {
    const totals = cartTotals([line({ quantity: 3, unitPriceCents: 333 }), line({ quantity: 4, stock: 2, unitPriceCents: 1_001 }), line({ active: false, unitPriceCents: 9_999 }), line({ stock: 0 })])
    expect(totals).toEqual({ subtotalCents: 999 + 2_002, shippingCents: 495, totalCents: 999 + 2_002 + 495, itemCount: 3 + 4 + 1 + 1 })
    expect(Number.isInteger(totals.totalCents)).toBe(true)
  })

  it('caps a quantity between 1, the stock and the per-line limit', () => {
    expect(capQuantity(5, 3)).toBe(3)
    expect(capQuantity(500, 1_000)).toBe(99)
    expect(capQuantity(0, 3)).toBe(1)
  })
})
