import { describe, expect, it } from 'vitest'
import { chargeLines } from './charge-lines'
import type { PricedLine } from './types'

const priced = (lineKey: string, quantity: number, subtotalCents: number, discountCents: number): PricedLine => ({
  lineKey,
  productId: Number(lineKey),
  unitPriceCents: subtotalCents / quantity,
  quantity,
  subtotalCents,
  discountCents,
  discounts: [],
  taxCents: 0,
  totalCents: subtotalCents - discountCents,
})

describe('chargeLines', () => {
  it('charges exactly each discounted line total in whole units', () => {
    const describe = (key: string) => ({ name: `Lamp ${key}`, imageUrl: null })
    // 3 × $10.00 less $1.00 = $29.00 → 2 × $9.67 + 1 × $9.66; 2 × $5.00 undiscounted stays one line
    const lines = chargeLines({ lines: [priced('1', 3, 3_000, 100), priced('2', 2, 1_000, 0)] }, describe)
    expect(lines).toEqual([
      { name: 'Lamp 1 (discounted)', unitPriceCents: 967, quantity: 2, imageUrl: null },
      { name: 'Lamp 1 (discounted)', unitPriceCents: 966, quantity: 1, imageUrl: null },
      { name: 'Lamp 2', unitPriceCents: 500, quantity: 2, imageUrl: null },
    ])
    expect(lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0)).toBe(2_900 + 1_000)
  })

  it('keeps a line whose total divides evenly as one line, even at zero', () => {
    expect(chargeLines({ lines: [priced('1', 4, 4_000, 4_000)] }, () => ({ name: 'Free', imageUrl: null }))).toEqual([{ name: 'Free (discounted)', unitPriceCents: 0, quantity: 4, imageUrl: null }])
  })
})
