/**
 * The rows every totals box shows (cart, payment page, order page, email, admin), built from a
 * pricing result or from an order's recorded amounts: the same rows, so the numbers match.
 */
import type { PricingResult } from './types'

export type TotalsView = {
  currency: string
  subtotalCents: number
  itemCount?: number
  /** One row per promotion: what it took off the items and shipping together. */
  discounts: { label: string; cents: number }[]
  shippingCents: number
  /** The shipping method's name ("Express"), when known. */
  shippingName?: string
  taxCents: number
  taxInclusive: boolean
  /** What the tax is called ("VAT", "Sales tax"); "Tax" when unset. */
  taxName?: string
  totalCents: number
}

/** How a promotion is named in a totals row. */
export function discountLabel(promotion: { code: string | null; name: string }) {
  return promotion.code ? `Code ${promotion.code}` : promotion.name
}

export function pricingTotalsView(pricing: PricingResult, itemCount?: number, taxName?: string): TotalsView {
  return {
    shippingName: pricing.shipping.name,
    taxName,
    currency: pricing.currency,
    subtotalCents: pricing.subtotalCents,
    itemCount,
    discounts: pricing.promotions.map((promotion) => ({ label: discountLabel(promotion), cents: promotion.discountCents + promotion.shippingDiscountCents })),
    shippingCents: pricing.shippingCents,
    taxCents: pricing.taxCents,
    taxInclusive: pricing.taxInclusive,
    totalCents: pricing.totalCents,
  }
}

/** An order's recorded amounts (as the pipeline priced them at checkout) as totals rows. */
export function orderTotalsView(order: {
  currency: string
  subtotalCents: number
  shippingCents: number
  totalCents: number
  promotions: { code: string | null; name: string; discountCents: number; shippingDiscountCents: number }[]
  taxCents?: number
  taxInclusive?: boolean
  /** Orders record these (migration 0015): the method's name, and whether the tax was inside the prices. */
  shippingMethodName?: string
  pricesIncludeTax?: boolean
  /** And the tax's name (migration 0016). */
  taxName?: string | null
}): TotalsView {
  return {
    taxName: order.taxName || undefined,
    shippingName: order.shippingMethodName || undefined,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    discounts: order.promotions.map((promotion) => ({ label: discountLabel(promotion), cents: promotion.discountCents + promotion.shippingDiscountCents })),
    shippingCents: order.shippingCents,
    taxCents: order.taxCents ?? 0,
    taxInclusive: order.taxInclusive ?? order.pricesIncludeTax ?? false,
    totalCents: order.totalCents,
  }
}
