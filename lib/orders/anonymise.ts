import 'server-only'
import { eq, sql } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { orders } from '@/db/schema'

// 128 random bits from the database's own generator, as hex: one value per order row.
const randomHex = sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`

/**
 * For an account being deleted: its orders stay for the shop's books, without who placed them.
 * The email becomes a placeholder nobody can guess (an order number and email open an order at
 * /orders/lookup), the order's access key is replaced so links the shopper was sent stop working,
 * and the shipping address is kept only while the order may still ship (user_id is then set null
 * by the foreign key when the user row goes).
 */
export async function anonymiseOrdersOfUser(tx: Transaction, userId: string) {
  await tx
    .update(orders)
    .set({
      email: sql`'deleted-customer-' || ${randomHex} || '@anonymised.invalid'`,
      accessKey: randomHex,
      shippingAddress: sql`case when ${orders.status} in ('pending', 'paid') then ${orders.shippingAddress} else null end`,
    })
    .where(eq(orders.userId, userId))
}
