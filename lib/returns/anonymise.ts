import 'server-only'
import { eq, inArray } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { orders, returns } from '@/db/schema'

/** For an account being deleted: its returns stay for the books, without the shopper's own words. */
export async function anonymiseReturnsOfUser(tx: Transaction, userId: string) {
  await tx
    .update(returns)
    .set({ note: '' })
    .where(inArray(returns.orderId, tx.select({ id: orders.id }).from(orders).where(eq(orders.userId, userId))))
}
