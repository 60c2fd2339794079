/** Pure cart arithmetic, shared by the cart page, checkout and tests. Money is integer cents. */

export const FREE_SHIPPING_FROM_CENTS = 5_000
export const FLAT_SHIPPING_CENTS = 495
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

export function shippingFor(subtotalCents: number) {
  return subtotalCents === 0 || subtotalCents >= FREE_SHIPPING_FROM_CENTS ? 0 : FLAT_SHIPPING_CENTS
}

/** Totals from current prices; lines that cannot be bought (inactive, sold out) do not count. */
export function cartTotals(lines: CartLineFacts[]) {
  const buyable = lines.filter((line) => line.active && line.stock > 0)
  const subtotalCents = buyable.reduce((sum, line) => sum + line.unitPriceCents * Math.min(line.quantity, line.stock), 0)
  const shippingCents = shippingFor(subtotalCents)
  return {
    subtotalCents,
    shippingCents,
    totalCents: subtotalCents + shippingCents,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
  }
}

/** The quantity a line may hold: at least 1, at most what is in stock and the per-line limit. */
export function capQuantity(requested: number, stock: number) {
  return Math.max(1, Math.min(requested, stock, MAX_LINE_QUANTITY))
}
