import 'server-only'
import { and, eq, isNull } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { orders } from '@/db/schema'

/**
 * A guest who signs in brings their cart into their account's (lib/cart/merge.ts), and with it
 * their unpaid checkout of it: its held units stay theirs to buy from the merged cart, and
 * checking out again reuses or releases it, as for any cart's own attempt. The order becomes the
 * account's, as the cart does. In the merge's transaction.
 */
export async function moveOpenAttempts(tx: Executor, input: { fromCartId: string; toCartId: string; userId: string }) {
  await tx
    .update(orders)
    .set({ cartId: input.toCartId, userId: input.userId })
    .where(and(eq(orders.cartId, input.fromCartId), eq(orders.status, 'pending'), eq(orders.paymentState, 'unpaid'), isNull(orders.userId)))
}
