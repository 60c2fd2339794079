import 'server-only'
import { db } from '@/db/client'
import { deleteUser, lockAdminIds } from '@/lib/auth/users'
import { removeCartRemindersOfUser } from '@/lib/cart-reminders/reminders'
import { anonymiseOrdersOfUser } from '@/lib/orders/anonymise'
import { anonymiseReturnsOfUser } from '@/lib/returns/anonymise'
import { removeReviewsOfUser } from '@/lib/reviews/remove-of-user'
import { removeStockAlertsOfUser } from '@/lib/stock-alerts/alerts'

/**
 * Deletes an account in one transaction, each table through its owner: the reviews (and the
 * ratings they counted in), the orders' personal data, then the user row with everything that
 * cascades from it (addresses, cart, wishlist, tokens), after its back-in-stock alerts and cart
 * reminder records. Either all of it happens or none. The account's
 * sessions end with it: getCurrentUser() finds no user for them.
 * The shop's only admin is refused: nobody could run the shop after. Returns the slugs of the
 * products whose reviews changed, for cache invalidation.
 */
export async function deleteAccount(userId: string): Promise<{ ok: true; reviewedSlugs: string[] } | { ok: false; error: string }> {
  return db.transaction(async (tx) => {
    const admins = await lockAdminIds(tx)
    if (admins.length === 1 && admins[0] === userId) {
      return { ok: false as const, error: 'You are the shop’s only admin. Make another account an admin (Admin › Customers) before deleting yours.' }
    }
    const reviewedSlugs = await removeReviewsOfUser(tx, userId)
    await anonymiseReturnsOfUser(tx, userId)
    await anonymiseOrdersOfUser(tx, userId)
    await removeStockAlertsOfUser(tx, userId)
    await removeCartRemindersOfUser(tx, userId)
    await deleteUser(tx, userId)
    return { ok: true as const, reviewedSlugs }
  })
}
