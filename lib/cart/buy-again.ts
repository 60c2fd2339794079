import 'server-only'
import { lineName } from '@/lib/catalog/variant-options'
import { addToCart } from './cart'

type OrderedLine = { productId: number; variantId: number; name: string; variantTitle: string; quantity: number }

/**
 * Puts an earlier order's items back in a cart, at today's prices and within today's stock. A line
 * that can no longer be bought (sold out, withdrawn) is named rather than failing the rest.
 */
export async function addOrderToCart(cartId: string, lines: OrderedLine[]) {
  let added = 0
  const capped: string[] = []
  const unavailable: string[] = []
  for (const line of lines) {
    const name = lineName(line.name, line.variantTitle)
    const change = await addToCart(cartId, { productId: line.productId, variantId: line.variantId }, line.quantity)
    if (!change.ok) unavailable.push(name)
    else {
      added++
      if (change.capped) capped.push(name)
    }
  }
  return { added, capped, unavailable }
}
