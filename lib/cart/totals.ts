/** Pure cart rules, shared by the cart page, checkout and tests. Amounts come from lib/pricing. */
import type { PricingLine } from '@/lib/pricing/types'

export const MAX_LINE_QUANTITY = 99

export type CartLineIssue = 'inactive' | 'out_of_stock' | 'insufficient_stock' | 'price_changed'

export type CartLineFacts = {
  quantity: number
  unitPriceCents: number
  seenPriceCents: number
  stock: number
  active: boolean
}

/** What is wrong with a line, most serious first; null when it can be bought as it is. */
export function lineIssue(line: CartLineFacts): CartLineIssue | null {
  if (!line.active) return 'inactive'
  if (line.stock <= 0) return 'out_of_stock'
  if (line.quantity > line.stock) return 'insufficient_stock'
  if (line.unitPriceCents !== line.seenPriceCents) return 'price_changed'
  return null
}

/** How a cart line is named in the pricing result (and so in the order's line discounts). */
export function cartLineKey(line: { variantId: number }) {
  return String(line.variantId)
}

/**
 * The lines the pipeline prices: those that can be bought (not inactive or sold out), at most what
 * is in stock, in the cart's currency (checkout refuses a cart mixing currencies).
 */
export function pricingLines(lines: (CartLineFacts & { productId: number; variantId: number; categoryId: number; currency: string; weightGrams?: number | null })[], currency: string): PricingLine[] {
  return lines
    .filter((line) => line.active && line.stock > 0 && line.currency === currency)
    .map((line) => ({
      lineKey: cartLineKey(line),
      productId: line.productId,
      categoryId: line.categoryId,
      currency: line.currency,
      unitPriceCents: line.unitPriceCents,
      quantity: Math.min(line.quantity, line.stock),
      weightGrams: line.weightGrams ?? null,
    }))
}

/** The quantity a line may hold: at least 1, at most what is in stock and the per-line limit. */
export function capQuantity(requested: number, stock: number) {
  return Math.max(1, Math.min(requested, stock, MAX_LINE_QUANTITY))
}
