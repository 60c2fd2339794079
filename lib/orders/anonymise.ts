import 'server-only'
import { eq, sql } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { orders } from '@/db/schema'

/**
 * For an account being deleted: its orders stay for the shop's books, without who placed them.
 * The email becomes a placeholder, and the shipping address is kept only while the order may
 * still ship (user_id is then set null by the foreign key when the user row goes).
 */
export async function anonymiseOrdersOfUser(tx: Transaction, userId: string) {
  await tx
    .update(orders)
    .set({
      email: sql`'deleted-customer-' || ${orders.id} || '@anonymised.invalid'`,
      shippingAddress: sql`case when ${orders.status} in ('pending', 'paid') then ${orders.shippingAddress} else null end`,
    })
    .where(eq(orders.userId, userId))
}
