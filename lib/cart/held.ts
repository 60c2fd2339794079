import 'server-only'
import { type SQLWrapper, sql } from 'drizzle-orm'

/**
 * Units of a variant this cart's own unpaid checkout holds: a retry reuses or releases that hold,
 * so they are the shopper's to buy, not "sold out" to them (see lib/orders/checkout.ts).
 */
export function unitsHeldByCart(cartId: string, variantId: SQLWrapper | number) {
  return sql<number>`(select coalesce(sum(oi.quantity), 0)::int from order_items oi join orders o on o.id = oi.order_id
    where o.cart_id = ${cartId} and o.status = 'pending' and o.payment_state = 'unpaid' and oi.variant_id = ${variantId})`
}
