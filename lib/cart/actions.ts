'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { addToCart, cartItemCount, removeFromCart, resolveCartId, setCartQuantity } from './cart'
import { addToCartSchema, removeLineSchema, setQuantitySchema } from './validation'

/** Cart actions also report the new item count, for the header badge. */
export type CartActionState = ActionState<{ count: number }>

export const addToCartAction = formAction(
  { name: 'cart.add', access: 'public', schema: addToCartSchema, input: ['productId', 'variantId', 'quantity'] },
  async ({ productId, variantId, quantity }): Promise<CartActionState> => {
    const cartId = await resolveCartId({ create: true })
    if (!cartId) return { ok: false, error: 'We could not open your cart. Please try again.' }
    const change = await addToCart(cartId, { productId, variantId }, quantity)
    const count = await cartItemCount(cartId)
    revalidatePath('/cart')
    if (!change.ok) return { ok: false, error: change.error, count, ...(change.field ? { fieldErrors: { [change.field]: [change.error] } } : {}) }
    return {
      ok: true,
      count,
      message: change.capped ? `Added. You now have ${change.quantity}, all we have in stock.` : `Added to your cart (${change.quantity} in cart).`,
    }
  },
)

export const updateCartQuantityAction = formAction(
  { name: 'cart.set-quantity', access: 'public', schema: setQuantitySchema, input: ['variantId', 'quantity'] },
  async ({ variantId, quantity }): Promise<CartActionState> => {
    const cartId = await resolveCartId({ create: false })
    if (!cartId) return { ok: false, error: 'Your cart is empty.' }
    const change = await setCartQuantity(cartId, variantId, quantity)
    const count = await cartItemCount(cartId)
    revalidatePath('/cart')
    if (!change.ok) return { ok: false, error: change.error, count }
    const message = change.quantity === 0 ? 'Removed from your cart.' : change.capped ? `Only ${change.quantity} in stock: quantity set to ${change.quantity}.` : `Quantity set to ${change.quantity}.`
    return { ok: true, count, message }
  },
)

export const removeCartItemAction = formAction({ name: 'cart.remove', access: 'public', schema: removeLineSchema, input: ['variantId'] }, async ({ variantId }): Promise<CartActionState> => {
  const cartId = await resolveCartId({ create: false })
  if (cartId) await removeFromCart(cartId, variantId)
  revalidatePath('/cart')
  return { ok: true, count: await cartItemCount(cartId), message: 'Removed from your cart.' }
})
