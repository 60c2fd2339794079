'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { ActionState } from '@/lib/action-state'
import { addToCart, resolveCartId } from '@/lib/cart/cart'
import { formAction } from '@/lib/define-action'
import { wishlistProductSchema, toggleWishlistSchema, wishlistSharingSchema } from './validation'
import { addToWishlist, removeFromWishlist, resolveWishlistId, updateWishlistSharing } from './wishlist'
import { purchasableChoice } from './choice'

/** The heart's answer: whether the product is saved now. */
export type WishlistActionState = ActionState<{ saved: boolean }>

export const toggleWishlistAction = formAction(
  { name: 'wishlist.toggle', access: 'public', schema: toggleWishlistSchema, input: ['productId', 'intent'] },
  async ({ productId, intent }): Promise<WishlistActionState> => {
    if (intent === 'remove') {
      const wishlistId = await resolveWishlistId({ create: false })
      if (wishlistId) await removeFromWishlist(wishlistId, productId)
      revalidatePath('/account/wishlist')
      return { ok: true, saved: false, message: 'Removed from your wishlist.' }
    }
    const wishlistId = await resolveWishlistId({ create: true })
    if (!wishlistId) return { ok: false, error: 'We could not open your wishlist. Please try again.' }
    const change = await addToWishlist(wishlistId, productId)
    if (!change.ok) return { ok: false, error: change.error }
    revalidatePath('/account/wishlist')
    return { ok: true, saved: true, message: 'Saved to your wishlist.' }
  },
)

export const removeWishlistItemAction = formAction(
  { name: 'wishlist.remove', access: 'user', returnTo: '/account/wishlist', schema: wishlistProductSchema, input: ['productId'] },
  async ({ productId }): Promise<WishlistActionState> => {
    const wishlistId = await resolveWishlistId({ create: false })
    if (wishlistId) await removeFromWishlist(wishlistId, productId)
    revalidatePath('/account/wishlist')
    return { ok: true, saved: false, message: 'Removed from your wishlist.' }
  },
)

/**
 * Moves an item to the cart when it has one thing to buy; a product with several choices (size,
 * colour) sends the shopper to its page to choose, and stays on the list until then.
 */
export const moveWishlistItemToCartAction = formAction(
  { name: 'wishlist.move-to-cart', access: 'user', returnTo: '/account/wishlist', schema: wishlistProductSchema, input: ['productId'] },
  async ({ productId }): Promise<WishlistActionState> => {
    const choice = await purchasableChoice(productId)
    if (choice.kind === 'unavailable') return { ok: false, error: 'This product is no longer available.' }
    if (choice.kind === 'choose') redirect(`/products/${choice.slug}`)
    const cartId = await resolveCartId({ create: true })
    if (!cartId) return { ok: false, error: 'We could not open your cart. Please try again.' }
    const change = await addToCart(cartId, { productId: choice.productId, variantId: choice.variantId }, 1)
    if (!change.ok) return { ok: false, error: change.error }
    const wishlistId = await resolveWishlistId({ create: false })
    if (wishlistId) await removeFromWishlist(wishlistId, productId)
    revalidatePath('/account/wishlist')
    revalidatePath('/cart')
    return { ok: true, saved: false, message: `${choice.name} is in your cart now.` }
  },
)

export const updateWishlistSharingAction = formAction(
  { name: 'wishlist.sharing', access: 'user', returnTo: '/account/wishlist', schema: wishlistSharingSchema, input: ['displayName', 'isPublic'] },
  async (input, { caller }) => {
    const sharing = await updateWishlistSharing(caller.id, input)
    revalidatePath('/account/wishlist')
    if (sharing.shareToken) revalidatePath(`/wishlist/${sharing.shareToken}`)
    return { ok: true as const, message: sharing.isPublic ? 'Your wishlist is public: anyone with the link can see it.' : 'Your wishlist is private.' }
  },
)
