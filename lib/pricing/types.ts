/**
 * The pricing pipeline's input and output. Plain data only (no database rows, no Stripe objects),
 * so the pipeline stays a pure function the cart, checkout, payment pages, emails and refunds share.
 * Money is integer minor units (cents) of one currency.
 */
import type { TaxRule } from './tax'

export type { TaxRule }

export type PricingLine = {
  /** Identifies the line in the result (a product id today; a variant id once lines are keyed by variant). */
  lineKey: string
  productId: number
  categoryId: number
  currency: string
  unitPriceCents: number
  quantity: number
  taxCode?: string | null
  /** Its category is zero-rated: no tax under the rate table. */
  zeroRated?: boolean
  weightGrams?: number | null
}

/** What a promotion takes off. Percentages are in basis points (1 % = 100), so 12.5 % is exact. */
export type PromotionEffect = { type: 'percentage'; basisPoints: number } | { type: 'fixed'; amountCents: number } | { type: 'free_shipping' }

/** Which lines a promotion applies to: the whole order, or lines whose product or category is listed. */
export type PromotionScope = { type: 'order' } | { type: 'items'; productIds: readonly number[]; categoryIds: readonly number[] }

/**
 * A promotion as loaded by lib/promotions, with the facts the pipeline cannot read itself
 * (how many uses are left, whether this customer used it already) worked out beforehand.
 */
export type PromotionRule = {
  id: number
  name: string
  /** Normalized (upper case, trimmed); null for an automatic promotion. */
  code: string | null
  effect: PromotionEffect
  scope: PromotionScope
  /** The order subtotal (before discounts) must reach this; 0 = no minimum. */
  minSubtotalCents: number
  startsAt: Date | null
  endsAt: Date | null
  active: boolean
  /** The currency of `amountCents` and `minSubtotalCents`. */
  currency: string
  /** No uses left under the total usage limit. */
  exhausted: boolean
  /** One use per customer, and this customer has used it already. */
  usedByCustomer: boolean
}

/** The shipping method chosen (today's default: flat $4.95, free from $50). */
export type ShippingChoice = {
  methodId: number | null
  name: string
  priceCents: number
  /** Ships free when the discounted merchandise subtotal reaches this; null = never. */
  freeOverCents?: number | null
}

export type PricingInput = {
  currency: string
  lines: readonly PricingLine[]
  /** The code the shopper typed (as typed) and the rule it names, or null when no such code exists. */
  code?: { input: string; rule: PromotionRule | null } | null
  /** Active automatic promotions; at most one is applied, the one that saves most. */
  automatic?: readonly PromotionRule[]
  shipping: ShippingChoice
  tax: TaxRule
  now: Date
}

export type PromotionRejectionReason = 'unknown' | 'inactive' | 'not_started' | 'expired' | 'exhausted' | 'already_used' | 'minimum' | 'not_valid_for_items' | 'currency' | 'no_saving'

export type CodeRejection = { code: string; reason: PromotionRejectionReason; message: string }

export type LineDiscount = { promotionId: number; cents: number }

export type PricedLine = {
  lineKey: string
  productId: number
  unitPriceCents: number
  quantity: number
  /** unitPriceCents × quantity. */
  subtotalCents: number
  /** What promotions took off this line; never more than its subtotal. */
  discountCents: number
  discounts: LineDiscount[]
  taxCents: number
  /** The line's Stripe Tax product code, passed through for the payment session. */
  taxCode?: string | null
  /** subtotal − discount (+ tax when tax is added on top; inclusive tax is already in the price). */
  totalCents: number
}

export type AppliedPromotion = {
  promotionId: number
  code: string | null
  name: string
  effect: PromotionEffect
  /** Taken off the lines (sum of this promotion's line discounts). */
  discountCents: number
  /** Taken off shipping (free-shipping promotions). */
  shippingDiscountCents: number
  /** It would have taken off more than was left to discount: the lines came to zero. */
  clamped: boolean
}

export type PricedShipping = {
  methodId: number | null
  name: string
  /** The method's price for this order (0 when it ships free over its threshold or nothing is bought). */
  priceCents: number
  /** The method's free-over threshold, for "free shipping from $50" hints; null = none. */
  freeOverCents: number | null
  discountCents: number
  taxCents: number
  totalCents: number
}

export type PricingResult = {
  currency: string
  lines: PricedLine[]
  subtotalCents: number
  /** Line discounts of all promotions. */
  discountCents: number
  shipping: PricedShipping
  shippingCents: number
  shippingDiscountCents: number
  taxCents: number
  /** Tax is contained in the prices (shown as "incl. $X tax"), not added to the total. */
  taxInclusive: boolean
  totalCents: number
  promotions: AppliedPromotion[]
  /** Why the typed code did not apply; null when it did or none was typed. */
  codeRejection: CodeRejection | null
  /** Sentences for the shopper, e.g. that a discount was capped at the order's value. */
  notes: string[]
}
