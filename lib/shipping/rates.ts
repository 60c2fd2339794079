/**
 * Shipping prices, pure. A method costs its flat price, or, with bands, the price of the band the
 * order's weight (grams) or subtotal (cents, before discounts) falls in; a method whose bands do not
 * cover the order is not offered. The free-over threshold is applied by the pricing pipeline, on
 * the subtotal after discounts, so it lives on the choice handed to it.
 */
import type { ShippingBand } from '@/db/schema/shipping'
import { formatMoney, parseMajorUnits, toMajorUnitsString } from '@/lib/money'
import type { ShippingChoice as PricingShippingChoice } from '@/lib/pricing/types'
import { pluralize } from '@/lib/plural'

export type { ShippingBand }
export type BandBasis = 'weight' | 'subtotal'

export type ShippingMethodRule = {
  id: number
  name: string
  priceCents: number
  freeOverCents: number | null
  bandBasis: BandBasis | null
  bands: ShippingBand[]
  minDeliveryDays: number
  maxDeliveryDays: number
}

/** What the pricing pipeline takes (lib/pricing/types.ts): the chosen method and what it costs for this order. */
export type ShippingChoice = Omit<PricingShippingChoice, 'methodId' | 'freeOverCents'> & { methodId: number; freeOverCents: number | null }

export type OrderFacts = { subtotalCents: number; weightGrams: number }

/** The band holding `value` (bands run from `from`, inclusive, to `to`, exclusive). */
export function bandFor(bands: ShippingBand[], value: number): ShippingBand | null {
  return bands.find((band) => value >= band.from && (band.to === null || value < band.to)) ?? null
}

/** The method's price for this order before any free-over threshold, or null when its bands leave it out. */
export function methodPriceCents(method: ShippingMethodRule, facts: OrderFacts): number | null {
  if (!method.bandBasis || method.bands.length === 0) return method.priceCents
  const band = bandFor(method.bands, method.bandBasis === 'weight' ? facts.weightGrams : facts.subtotalCents)
  return band ? band.priceCents : null
}

export function shippingChoice(method: ShippingMethodRule, facts: OrderFacts): ShippingChoice | null {
  const priceCents = methodPriceCents(method, facts)
  return priceCents === null ? null : { methodId: method.id, name: method.name, priceCents, freeOverCents: method.freeOverCents }
}

/** "Arrives in 3–7 business days", "Ready within 1 business day", "Ready today". */
export function deliveryEstimate(method: Pick<ShippingMethodRule, 'minDeliveryDays' | 'maxDeliveryDays'>) {
  const { minDeliveryDays: min, maxDeliveryDays: max } = method
  if (max === 0) return 'Ready today'
  if (min === max) return `Arrives in ${pluralize(max, 'business day')}`
  if (min === 0) return `Within ${pluralize(max, 'business day')}`
  return `Arrives in ${min}–${max} business days`
}

/**
 * Reads bands typed one per line as `from-to price` (`to` may be empty for "and up"): grams for
 * weight ("0-1000 4.95", "1000- 9.95"), dollars for subtotal ("0-25 6.95", "25-50 3.95"). The
 * bands must start at 0, run upwards without overlapping, and only the last may be open-ended.
 */
export function parseBands(text: string, basis: BandBasis): { ok: true; bands: ShippingBand[] } | { ok: false; error: string } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  if (lines.length === 0) return { ok: false, error: 'Enter at least one band, like “0-1000 4.95”, or choose a flat price.' }
  if (lines.length > 20) return { ok: false, error: 'Use at most 20 bands.' }
  const bands: ShippingBand[] = []
  for (const [index, line] of lines.entries()) {
    const match = /^(\d+(?:\.\d{1,2})?)\s*-\s*(\d+(?:\.\d{1,2})?)?\s+\$?(\d+(?:\.\d{1,2})?)$/.exec(line)
    if (!match) return { ok: false, error: `Band ${index + 1} (“${line.slice(0, 40)}”) should read “from-to price”, like “${basis === 'weight' ? '0-1000 4.95' : '0-50 4.95'}”.` }
    const bound = (raw: string) => (basis === 'weight' ? (/^\d{1,9}$/.test(raw) ? Number(raw) : null) : parseMajorUnits(raw))
    const from = bound(match[1] ?? '')
    const to = match[2] === undefined ? null : bound(match[2])
    const priceCents = parseMajorUnits(match[3] ?? '')
    if (from === null || (match[2] !== undefined && to === null) || priceCents === null) {
      return { ok: false, error: `Band ${index + 1}: ${basis === 'weight' ? 'weights are whole grams' : 'amounts are dollars with at most 2 decimals'}, and the price is in dollars.` }
    }
    bands.push({ from, to, priceCents })
  }
  const problem = bandsProblem(bands, basis)
  return problem ? { ok: false, error: problem } : { ok: true, bands }
}

/** Why bands cannot be used (in the order typed), or null when they are sound. */
export function bandsProblem(bands: ShippingBand[], basis: BandBasis): string | null {
  const unit = (value: number) => (basis === 'weight' ? `${value} g` : formatMoney(value))
  for (const [index, band] of bands.entries()) {
    if (band.to !== null && band.to <= band.from) return `Band ${index + 1} ends (${unit(band.to)}) where it starts or before; each band must run upwards.`
    if (band.to === null && index < bands.length - 1) return `Only the last band may be open-ended; band ${index + 1} has no upper end.`
  }
  const sorted = [...bands].sort((a, b) => a.from - b.from)
  if (sorted[0]?.from !== 0) return `The first band must start at ${unit(0)}.`
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]
    const band = sorted[index]
    if (!previous || !band) continue
    if (previous.to === null || band.from < previous.to)
      return `Bands overlap: ${unit(previous.from)}–${previous.to === null ? 'up' : unit(previous.to)} and ${unit(band.from)}–${band.to === null ? 'up' : unit(band.to)}.`
  }
  return null
}

/** Bands back into the text the admin form shows. */
export function formatBands(bands: ShippingBand[], basis: BandBasis | null): string {
  const bound = (value: number) => (basis === 'weight' ? String(value) : toMajorUnitsString(value))
  return bands.map((band) => `${bound(band.from)}-${band.to === null ? '' : bound(band.to)} ${toMajorUnitsString(band.priceCents)}`).join('\n')
}
