import type { ShippingChoice } from './types'

/** Today's only method: flat $4.95, free when the discounted merchandise subtotal reaches $50. */
export const DEFAULT_SHIPPING: ShippingChoice = { methodId: null, name: 'Standard shipping', priceCents: 495, freeOverCents: 5_000 }

/** The method's price for an order whose discounted merchandise comes to `merchandiseCents`. */
export function shippingPrice(choice: ShippingChoice, hasLines: boolean, merchandiseCents: number) {
  if (!hasLines) return 0
  if (choice.freeOverCents != null && merchandiseCents >= choice.freeOverCents) return 0
  return choice.priceCents
}
