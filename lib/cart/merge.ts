import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { carts } from '@/db/schema'
import { moveOpenAttempts } from '@/lib/orders/attempts'
import { unitsHeldByCart } from './held'
import { clearGuestCartCookie, readGuestCartId } from './cookie'

/**
 * Moves a guest cart's lines (and its promotion code) into the user's cart (quantities added,
 * capped by stock), and its unpaid checkout with them, and deletes the guest cart. Runs at sign-in and, as a fallback, whenever a signed-in shopper
 * still carries a guest cart cookie. Returns the user's cart id.
 */
export async function mergeGuestCart(guestCartId: string | null, userId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const userCartId = await ensureUserCart(tx, userId)
    if (!guestCartId || guestCartId === userCartId) return userCartId
    const [guest] = await tx
      .select({ id: carts.id, promotionCode: carts.promotionCode })
      .from(carts)
      .where(and(eq(carts.id, guestCartId), isNull(carts.userId)))
      .for('update')
    if (!guest) return userCartId
    // First, so the units the guest's checkout holds count as the merged cart's to buy.
    await moveOpenAttempts(tx, { fromCartId: guestCartId, toCartId: userCartId, userId })
    await tx.execute(sql`
      insert into cart_items (cart_id, product_id, variant_id, quantity, seen_price_cents, added_at)
      select ${userCartId}, g.product_id, g.variant_id, least(g.quantity, greatest(v.stock + ${unitsHeldByCart(userCartId, sql`g.variant_id`)}, 1), 99), g.seen_price_cents, g.added_at
      from cart_items g join product_variants v on v.id = g.variant_id
      where g.cart_id = ${guestCartId}
      on conflict (cart_id, variant_id) do update
      set quantity = greatest(1, least(cart_items.quantity + excluded.quantity, 99,
        greatest(cart_items.quantity, (select stock from product_variants where id = excluded.variant_id) + ${unitsHeldByCart(userCartId, sql`excluded.variant_id`)})))`)
    await tx.delete(carts).where(eq(carts.id, guestCartId))
    await tx
      .update(carts)
      // The code the guest entered comes along, unless the account's cart has one already.
      .set({ updatedAt: sql`now()`, promotionCode: sql`coalesce(${carts.promotionCode}, ${guest.promotionCode})` })
      .where(eq(carts.id, userCartId))
    return userCartId
  })
}

export async function ensureUserCart(tx: Executor, userId: string) {
  await tx.insert(carts).values({ userId }).onConflictDoNothing()
  const [cart] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId))
  if (!cart) throw new Error(`cart for user ${userId} vanished`)
  return cart.id
}

/** Auth.js's signIn event: the cart a guest filled follows them into their account. */
export async function mergeGuestCartAtSignIn(userId: string) {
  const guestCartId = await readGuestCartId()
  if (!guestCartId) return
  await mergeGuestCart(guestCartId, userId)
  await clearGuestCartCookie()
}
