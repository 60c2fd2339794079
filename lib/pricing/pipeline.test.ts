import { describe, expect, it } from 'vitest'
import { allocateProportionally, percentOf, unitsShare } from './allocate'
import { MixedCurrencyError, priceOrder } from './pipeline'
import { normalizeCode } from './promotion-rules'
import { DEFAULT_SHIPPING } from './shipping'
import type { PricingInput, PricingLine, PromotionRule } from './types'

// Every expected amount below is worked out by hand in the comment beside it.

const now = new Date('2026-11-28T12:00:00Z')

function line(lineKey: string, unitPriceCents: number, quantity = 1, categoryId = 1): PricingLine {
  return { lineKey, productId: Number(lineKey), categoryId, currency: 'USD', unitPriceCents, quantity }
}

function promo(fields: Partial<PromotionRule> & Pick<PromotionRule, 'effect'>): PromotionRule {
  return {
    id: 1,
    name: 'Promo',
    code: 'SAVE',
    scope: { type: 'order' },
    minSubtotalCents: 0,
    startsAt: null,
    endsAt: null,
    active: true,
    currency: 'USD',
    exhausted: false,
    usedByCustomer: false,
    ...fields,
  }
}

function price(lines: PricingLine[], extra: Partial<PricingInput> = {}) {
  return priceOrder({ currency: 'USD', lines, shipping: DEFAULT_SHIPPING, tax: { mode: 'none' }, now, ...extra })
}

const withCode = (rule: PromotionRule | null, input = rule?.code ?? 'NOPE') => ({ code: { input, rule } })

describe('priceOrder without promotions', () => {
  it('adds flat $4.95 shipping below $50', () => {
    // 19.99 × 2 + 5.50 = 45.48; + 4.95 = 50.43
    const result = price([line('1', 1_999, 2), line('2', 550)])
    expect(result.subtotalCents).toBe(4_548)
    expect(result.shippingCents).toBe(495)
    expect(result.discountCents).toBe(0)
    expect(result.totalCents).toBe(5_043)
    expect(result.lines.map((l) => l.totalCents)).toEqual([3_998, 550])
  })

  it('ships free from exactly $50', () => {
    const result = price([line('1', 2_500, 2)])
    expect(result.shippingCents).toBe(0)
    expect(result.totalCents).toBe(5_000)
  })

  it('charges nothing, not even shipping, for an empty order', () => {
    const result = price([])
    expect(result).toMatchObject({ subtotalCents: 0, shippingCents: 0, totalCents: 0, promotions: [], codeRejection: null })
  })

  it('refuses to mix currencies', () => {
    expect(() => price([line('1', 100), { ...line('2', 100), currency: 'EUR' }])).toThrow(MixedCurrencyError)
  })
})

describe('percentage promotions', () => {
  it('spreads 10 % of $10.00 over $3.33, $3.33 and $3.34 by largest remainder', () => {
    // 100 cents: exact shares 33.3, 33.3, 33.4 → floors 33+33+33, the spare cent to the .4
    const result = price([line('1', 333), line('2', 333), line('3', 334)], withCode(promo({ effect: { type: 'percentage', basisPoints: 1_000 } })))
    expect(result.lines.map((l) => l.discountCents)).toEqual([33, 33, 34])
    expect(result.lines.map((l) => l.totalCents)).toEqual([300, 300, 300])
    expect(result.discountCents).toBe(100)
    expect(result.totalCents).toBe(900 + 495)
    expect(result.promotions).toEqual([
      { promotionId: 1, code: 'SAVE', name: 'Promo', effect: { type: 'percentage', basisPoints: 1_000 }, discountCents: 100, shippingDiscountCents: 0, clamped: false },
    ])
  })

  it('rounds 15 % of $19.99 half up to $3.00 and splits it $1.50 / $1.50', () => {
    // 1999 × 15 % = 299.85 → 300; shares 150.075 and 149.925 → 150 + 149, spare cent to line 2
    const result = price([line('1', 1_000), line('2', 999)], withCode(promo({ effect: { type: 'percentage', basisPoints: 1_500 } })))
    expect(result.lines.map((l) => l.discountCents)).toEqual([150, 150])
    expect(result.lines.map((l) => l.totalCents)).toEqual([850, 849])
    expect(result.totalCents).toBe(1_699 + 495)
  })

  it('rounds a half cent up: 12.5 % of 20 cents is 3 cents', () => {
    const result = price([line('1', 20)], withCode(promo({ effect: { type: 'percentage', basisPoints: 1_250 } })))
    expect(result.discountCents).toBe(3)
    expect(result.totalCents).toBe(17 + 495)
  })

  it('takes 100 % off the items but not the shipping', () => {
    const result = price([line('1', 1_200, 2)], withCode(promo({ effect: { type: 'percentage', basisPoints: 10_000 } })))
    expect(result.discountCents).toBe(2_400)
    expect(result.lines[0]?.totalCents).toBe(0)
    expect(result.totalCents).toBe(495)
  })

  it('applies only to the chosen category', () => {
    // 20 % of the $15.00 line in category 2 = $3.00; the $10.00 line in category 1 is untouched
    const rule = promo({ effect: { type: 'percentage', basisPoints: 2_000 }, scope: { type: 'items', productIds: [], categoryIds: [2] } })
    const result = price([line('1', 1_000, 1, 1), line('2', 1_500, 1, 2)], withCode(rule))
    expect(result.lines.map((l) => l.discountCents)).toEqual([0, 300])
    expect(result.totalCents).toBe(2_200 + 495)
  })

  it('applies only to the chosen product', () => {
    const rule = promo({ effect: { type: 'percentage', basisPoints: 5_000 }, scope: { type: 'items', productIds: [1], categoryIds: [] } })
    const result = price([line('1', 1_001, 1, 1), line('2', 1_500, 1, 1)], withCode(rule))
    // 50 % of 10.01 = 500.5 → 501
    expect(result.lines.map((l) => l.discountCents)).toEqual([501, 0])
    expect(result.totalCents).toBe(500 + 1_500 + 495)
  })
})

describe('fixed-amount promotions', () => {
  it('spreads $5.00 over $10.00 and $30.00 as $1.25 and $3.75', () => {
    const result = price([line('1', 1_000), line('2', 3_000)], withCode(promo({ effect: { type: 'fixed', amountCents: 500 } })))
    expect(result.lines.map((l) => l.discountCents)).toEqual([125, 375])
    expect(result.totalCents).toBe(3_500 + 495)
  })

  it('gives the spare cent of $7.00 over three equal lines to the first', () => {
    // 700 / 3 = 233.33 each → 233 × 3 = 699, the tie goes to the earliest line
    const result = price([line('1', 1_000), line('2', 1_000), line('3', 1_000)], withCode(promo({ effect: { type: 'fixed', amountCents: 700 } })))
    expect(result.lines.map((l) => l.discountCents)).toEqual([234, 233, 233])
    expect(result.discountCents).toBe(700)
  })

  it('clamps at zero when the amount is larger than the items, and says so', () => {
    const result = price([line('1', 1_000, 3)], withCode(promo({ code: 'BIG', effect: { type: 'fixed', amountCents: 10_000 } })))
    expect(result.discountCents).toBe(3_000)
    expect(result.lines[0]?.totalCents).toBe(0)
    expect(result.promotions[0]?.clamped).toBe(true)
    expect(result.totalCents).toBe(495)
    expect(result.notes).toEqual(['BIG takes off up to $100.00; the items it applies to come to $30.00, so they are now free.'])
  })
})

describe('free shipping and the free-over threshold', () => {
  it('takes the $4.95 off below $50', () => {
    const result = price([line('1', 2_000)], withCode(promo({ effect: { type: 'free_shipping' } })))
    expect(result.shippingCents).toBe(495)
    expect(result.shippingDiscountCents).toBe(495)
    expect(result.shipping.totalCents).toBe(0)
    expect(result.totalCents).toBe(2_000)
    expect(result.promotions[0]?.shippingDiscountCents).toBe(495)
  })

  it('saves nothing when the order already ships free, and says why', () => {
    const result = price([line('1', 6_000)], withCode(promo({ effect: { type: 'free_shipping' } })))
    expect(result.promotions).toEqual([])
    expect(result.totalCents).toBe(6_000)
    expect(result.codeRejection).toEqual({ code: 'SAVE', reason: 'no_saving', message: 'Your order already ships free, so the code SAVE saves nothing.' })
  })

  it('compares the threshold with the discounted items: $52 less 10 % pays shipping', () => {
    // 5200 − 520 = 4680 < 5000 → + 495 = 5175, still below 5200 without the code
    const result = price([line('1', 5_200)], withCode(promo({ effect: { type: 'percentage', basisPoints: 1_000 } })))
    expect(result.shippingCents).toBe(495)
    expect(result.totalCents).toBe(5_175)
  })

  it('does not apply a code that would cost the shopper free shipping', () => {
    // 5100 − 2 % (102) = 4998 → + 495 = 5493 > 5100
    const result = price([line('1', 5_100)], withCode(promo({ effect: { type: 'percentage', basisPoints: 200 } })))
    expect(result.promotions).toEqual([])
    expect(result.totalCents).toBe(5_100)
    expect(result.codeRejection?.reason).toBe('no_saving')
  })

  it('honours another method and its own threshold', () => {
    const express = { methodId: 7, name: 'Express', priceCents: 1_495, freeOverCents: null }
    const result = price([line('1', 9_000)], { shipping: express })
    expect(result.shipping).toEqual({ methodId: 7, name: 'Express', priceCents: 1_495, freeOverCents: null, discountCents: 0, taxCents: 0, totalCents: 1_495 })
    expect(result.totalCents).toBe(10_495)
  })
})

describe('combining one code with one automatic promotion', () => {
  it('applies the automatic promotion first and the code to what is left', () => {
    // 10 %: 100 + 300 → 900 + 2700; $5 over those: 125 + 375 → 775 + 2325 = 3100; + 495
    const automatic = promo({ id: 2, code: null, name: 'Autumn', effect: { type: 'percentage', basisPoints: 1_000 } })
    const code = promo({ id: 3, effect: { type: 'fixed', amountCents: 500 } })
    const result = price([line('1', 1_000), line('2', 3_000)], { ...withCode(code), automatic: [automatic] })
    expect(result.lines.map((l) => l.discountCents)).toEqual([225, 675])
    expect(result.lines[0]?.discounts).toEqual([
      { promotionId: 2, cents: 100 },
      { promotionId: 3, cents: 125 },
    ])
    expect(result.promotions.map((p) => [p.promotionId, p.discountCents])).toEqual([
      [2, 400],
      [3, 500],
    ])
    expect(result.totalCents).toBe(3_595)
  })

  it('picks the automatic promotion that saves most', () => {
    // on $40: 10 % saves $4.00, $5 off saves $5.00
    const tenPercent = promo({ id: 2, code: null, effect: { type: 'percentage', basisPoints: 1_000 } })
    const fiveOff = promo({ id: 3, code: null, effect: { type: 'fixed', amountCents: 500 } })
    const result = price([line('1', 4_000)], { automatic: [tenPercent, fiveOff] })
    expect(result.promotions.map((p) => p.promotionId)).toEqual([3])
    expect(result.totalCents).toBe(3_500 + 495)
  })

  it('ignores automatic promotions that are paused, expired or below their minimum', () => {
    const paused = promo({ id: 2, code: null, active: false, effect: { type: 'percentage', basisPoints: 5_000 } })
    const expired = promo({ id: 3, code: null, endsAt: new Date('2026-11-28T11:59:59Z'), effect: { type: 'percentage', basisPoints: 5_000 } })
    const minimum = promo({ id: 4, code: null, minSubtotalCents: 10_000, effect: { type: 'percentage', basisPoints: 5_000 } })
    const result = price([line('1', 4_000)], { automatic: [paused, expired, minimum] })
    expect(result.promotions).toEqual([])
    expect(result.totalCents).toBe(4_495)
  })
})

describe('codes that do not apply', () => {
  const lines = [line('1', 1_999, 2), line('2', 550)]
  const cases: [string, PromotionRule | null, string, string][] = [
    ['unknown', null, 'unknown', "We don't know the code NOPE. Check the spelling and try again."],
    ['paused', promo({ active: false, effect: { type: 'fixed', amountCents: 500 } }), 'inactive', 'The code SAVE is not active right now.'],
    ['not started', promo({ startsAt: new Date('2026-12-01T00:00:00Z'), effect: { type: 'fixed', amountCents: 500 } }), 'not_started', 'The code SAVE starts on Dec 1, 2026.'],
    ['expired', promo({ endsAt: new Date('2026-11-28T12:00:00Z'), effect: { type: 'fixed', amountCents: 500 } }), 'expired', 'The code SAVE has expired.'],
    ['used up', promo({ exhausted: true, effect: { type: 'fixed', amountCents: 500 } }), 'exhausted', 'The code SAVE has been used up.'],
    ['already used', promo({ usedByCustomer: true, effect: { type: 'fixed', amountCents: 500 } }), 'already_used', 'You have already used the code SAVE; it is one per customer.'],
    ['below minimum', promo({ minSubtotalCents: 5_000, effect: { type: 'fixed', amountCents: 500 } }), 'minimum', 'The code SAVE needs a minimum $50.00 subtotal; add $4.52 more to use it.'],
    [
      'other category',
      promo({ scope: { type: 'items', productIds: [], categoryIds: [9] }, effect: { type: 'fixed', amountCents: 500 } }),
      'not_valid_for_items',
      'The code SAVE is not valid for these items.',
    ],
    ['other currency', promo({ currency: 'EUR', effect: { type: 'fixed', amountCents: 500 } }), 'currency', 'The code SAVE cannot be used for prices in USD.'],
  ]
  it.each(cases)('%s: says why and changes nothing', (_label, rule, reason, message) => {
    const result = price(lines, withCode(rule))
    expect(result.codeRejection).toEqual({ code: rule?.code ?? 'NOPE', reason, message })
    expect(result.promotions).toEqual([])
    expect(result.discountCents).toBe(0)
    expect(result.totalCents).toBe(5_043)
  })

  it('reports the code as typed, normalized', () => {
    expect(normalizeCode('  save 10\t')).toBe('SAVE10')
    const result = price(lines, withCode(null, '  nope '))
    expect(result.codeRejection?.code).toBe('NOPE')
  })

  it('applies exactly at the minimum', () => {
    const result = price([line('1', 5_000)], withCode(promo({ minSubtotalCents: 5_000, effect: { type: 'fixed', amountCents: 500 } })))
    expect(result.codeRejection).toBeNull()
    // 5000 − 500 = 4500 < 5000: shipping is due again, and the total is still lower than 5000
    expect(result.totalCents).toBe(4_500 + 495)
  })
})

describe('refunds of discounted lines', () => {
  it('refunds a unit at its discounted price, and all units sum to the line total', () => {
    // 3 × $10.00 less $1.00 → $29.00: units are worth 966, 967, 967 (cumulative floors 966, 1933, 2900)
    const result = price([line('1', 1_000, 3)], withCode(promo({ effect: { type: 'fixed', amountCents: 100 } })))
    const total = result.lines[0]?.totalCents ?? 0
    expect(total).toBe(2_900)
    expect(unitsShare(total, 3, 0, 1)).toBe(966)
    expect(unitsShare(total, 3, 1, 1)).toBe(967)
    expect(unitsShare(total, 3, 2, 1)).toBe(967)
    expect(unitsShare(total, 3, 0, 3)).toBe(2_900)
    expect(unitsShare(total, 3, 3, 1)).toBe(0)
  })
})

describe('integer helpers', () => {
  it('splits proportionally and exactly', () => {
    expect(allocateProportionally(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(allocateProportionally(5, [0, 2, 0])).toEqual([0, 5, 0])
    expect(allocateProportionally(0, [3, 4])).toEqual([0, 0])
    // 99,999,999 × 99,999,999 passes 2^53: still exact
    expect(allocateProportionally(99_999_999, [99_999_998, 1])).toEqual([99_999_998, 1])
  })

  it('rounds percentages half up', () => {
    expect(percentOf(5, 1_000)).toBe(1) // 0.5 → 1
    expect(percentOf(4, 1_000)).toBe(0) // 0.4 → 0
    expect(percentOf(99_999_999, 10_000)).toBe(99_999_999)
  })
})
