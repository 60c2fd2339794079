'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { getOrderByAccessKey, getOrderForUser, orderNumber } from '@/lib/orders/queries'
import { addOrderToCart } from './buy-again'
import { addToCart, cartItemCount, removeFromCart, resolveCartId, setCartQuantity } from './cart'
import { addToCartSchema, buyAgainSchema, removeLineSchema, setQuantitySchema } from './validation'

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

/**
 * "Buy again": an earlier order's items back in the cart. The order must be the signed-in
 * shopper's, or opened with its key (a guest's link); anyone else's is "not found".
 */
export const buyAgainAction = formAction(
  { name: 'cart.buy-again', access: 'public', schema: buyAgainSchema, input: ['orderId', 'key'] },
  async ({ orderId, key }, { caller }): Promise<CartActionState> => {
    const order = key ? await getOrderByAccessKey(orderId, key) : caller ? await getOrderForUser(caller.id, orderId) : null
    if (!order) return { ok: false, error: 'We could not find that order. Open it from your account or from the link in its email.' }
    const cartId = await resolveCartId({ create: true })
    if (!cartId) return { ok: false, error: 'We could not open your cart. Please try again.' }
    const { added, capped, unavailable } = await addOrderToCart(cartId, order.items)
    const count = await cartItemCount(cartId)
    revalidatePath('/cart')
    const gone = unavailable.length > 0 ? ` No longer available: ${unavailable.join(', ')}.` : ''
    if (added === 0) return { ok: false, count, error: `Nothing from order ${orderNumber(order.id)} can be bought now.${gone}` }
    const done =
      added === order.items.length
        ? `Everything from order ${orderNumber(order.id)} is in your cart.`
        : `Added ${added} of the ${order.items.length} items of order ${orderNumber(order.id)} to your cart.`
    const fewer = capped.length > 0 ? ` Fewer than you ordered of ${capped.join(', ')}: all we have in stock.` : ''
    return { ok: true, count, message: `${done}${fewer}${gone}` }
  },
)
