import { describe, expect, it } from 'vitest'
import { bandsProblem, deliveryEstimate, formatBands, methodPriceCents, parseBands, type ShippingMethodRule, shippingChoice } from './rates'

const standard: ShippingMethodRule = { id: 1, name: 'Standard', priceCents: 495, freeOverCents: 5_000, bandBasis: null, bands: [], minDeliveryDays: 3, maxDeliveryDays: 7 }
const byWeight: ShippingMethodRule = {
  ...standard,
  id: 2,
  name: 'Parcel',
  freeOverCents: null,
  bandBasis: 'weight',
  bands: [
    { from: 0, to: 1_000, priceCents: 495 },
    { from: 1_000, to: 5_000, priceCents: 995 },
  ],
}

describe('method prices', () => {
  it('a flat method costs its price and hands its free-over threshold to the pipeline', () => {
    expect(shippingChoice(standard, { subtotalCents: 2_000, weightGrams: 0 })).toEqual({ methodId: 1, name: 'Standard', priceCents: 495, freeOverCents: 5_000 })
  })

  it('a banded method costs its band’s price, band edges belong to the upper band, and is not offered beyond its bands', () => {
    expect(methodPriceCents(byWeight, { subtotalCents: 0, weightGrams: 999 })).toBe(495)
    expect(methodPriceCents(byWeight, { subtotalCents: 0, weightGrams: 1_000 })).toBe(995)
    expect(methodPriceCents(byWeight, { subtotalCents: 0, weightGrams: 5_000 })).toBeNull()
    expect(shippingChoice(byWeight, { subtotalCents: 0, weightGrams: 7_500 })).toBeNull()
  })

  it('subtotal bands read the subtotal in cents', () => {
    const method: ShippingMethodRule = {
      ...byWeight,
      bandBasis: 'subtotal',
      bands: [
        { from: 0, to: 2_500, priceCents: 695 },
        { from: 2_500, to: null, priceCents: 395 },
      ],
    }
    expect(methodPriceCents(method, { subtotalCents: 2_499, weightGrams: 0 })).toBe(695)
    expect(methodPriceCents(method, { subtotalCents: 100_000, weightGrams: 0 })).toBe(395)
  })

  it('says when it arrives', () => {
    expect(deliveryEstimate({ minDeliveryDays: 3, maxDeliveryDays: 7 })).toBe('Arrives in 3–7 business days')
    expect(deliveryEstimate({ minDeliveryDays: 1, maxDeliveryDays: 1 })).toBe('Arrives in 1 business day')
    expect(deliveryEstimate({ minDeliveryDays: 0, maxDeliveryDays: 1 })).toBe('Within 1 business day')
    expect(deliveryEstimate({ minDeliveryDays: 0, maxDeliveryDays: 0 })).toBe('Ready today')
  })
})

describe('bands typed in the admin', () => {
  it('reads grams and dollars, with an open-ended last band', () => {
    expect(parseBands('0-1000 4.95\n1000- 9.95', 'weight')).toEqual({
      ok: true,
      bands: [
        { from: 0, to: 1_000, priceCents: 495 },
        { from: 1_000, to: null, priceCents: 995 },
      ],
    })
    expect(parseBands('0-25 $6.95\n25-50.50 3', 'subtotal')).toEqual({
      ok: true,
      bands: [
        { from: 0, to: 2_500, priceCents: 695 },
        { from: 2_500, to: 5_050, priceCents: 300 },
      ],
    })
  })

  it('refuses overlapping bands', () => {
    expect(parseBands('0-1000 4.95\n500-2000 9.95', 'weight')).toEqual({ ok: false, error: 'Bands overlap: 0 g–1000 g and 500 g–2000 g.' })
    expect(
      bandsProblem(
        [
          { from: 0, to: 5_000, priceCents: 1 },
          { from: 2_500, to: null, priceCents: 2 },
        ],
        'subtotal',
      ),
    ).toBe('Bands overlap: $0.00–$50.00 and $25.00–up.')
  })

  it('refuses bands that run backwards, an open band before the last, a gap at the start, and text that is not a band', () => {
    expect(parseBands('0-1000 4.95\n2000-1500 9.95', 'weight')).toEqual({ ok: false, error: 'Band 2 ends (1500 g) where it starts or before; each band must run upwards.' })
    expect(parseBands('0- 4.95\n1000-2000 9.95', 'weight')).toEqual({ ok: false, error: 'Only the last band may be open-ended; band 1 has no upper end.' })
    expect(parseBands('100-1000 4.95', 'weight')).toEqual({ ok: false, error: 'The first band must start at 0 g.' })
    expect(parseBands('cheap', 'weight')).toMatchObject({ ok: false, error: expect.stringContaining('should read “from-to price”') })
    expect(parseBands('0-1000 -4.95', 'weight')).toMatchObject({ ok: false })
    expect(parseBands('0-10.5 4.95', 'weight')).toEqual({ ok: false, error: 'Band 1: weights are whole grams, and the price is in dollars.' })
    expect(parseBands('  ', 'weight')).toMatchObject({ ok: false, error: expect.stringContaining('at least one band') })
  })

  it('writes bands back as the admin typed them', () => {
    expect(formatBands(byWeight.bands, 'weight')).toBe('0-1000 4.95\n1000-5000 9.95')
    expect(
      formatBands(
        [
          { from: 0, to: 2_500, priceCents: 695 },
          { from: 2_500, to: null, priceCents: 300 },
        ],
        'subtotal',
      ),
    ).toBe('0-25 6.95\n25- 3')
  })
})
