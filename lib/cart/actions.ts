'use server'

import { revalidatePath } from 'next/cache'
import { formObject, invalid } from '@/lib/action-state'
import { addToCart, cartItemCount, removeFromCart, resolveCartId, setCartQuantity } from './cart'
import { addToCartSchema, removeLineSchema, setQuantitySchema } from './validation'

/** Cart actions also report the new item count, for the header badge. */
export type CartActionState =
  | { ok: true; message: string; count: number }
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined>; count?: number }
  | null

export async function addToCartAction(_previous: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = addToCartSchema.safeParse(formObject(formData, ['productId', 'quantity']))
  if (!parsed.success) return invalid(parsed.error, formData) as CartActionState
  const cartId = await resolveCartId({ create: true })
  if (!cartId) return { ok: false, error: 'We could not open your cart. Please try again.' }
  const change = await addToCart(cartId, parsed.data.productId, parsed.data.quantity)
  const count = await cartItemCount(cartId)
  revalidatePath('/cart')
  if (!change.ok) return { ok: false, error: change.error, count }
  return {
    ok: true,
    count,
    message: change.capped ? `Added. You now have ${change.quantity}, all we have in stock.` : `Added to your cart (${change.quantity} in cart).`,
  }
}

export async function updateCartQuantityAction(_previous: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = setQuantitySchema.safeParse(formObject(formData, ['productId', 'quantity']))
  if (!parsed.success) return invalid(parsed.error, formData) as CartActionState
  const cartId = await resolveCartId({ create: false })
  if (!cartId) return { ok: false, error: 'Your cart is empty.' }
  const change = await setCartQuantity(cartId, parsed.data.productId, parsed.data.quantity)
  const count = await cartItemCount(cartId)
  revalidatePath('/cart')
  if (!change.ok) return { ok: false, error: change.error, count }
  const message =
    change.quantity === 0 ? 'Removed from your cart.' : change.capped ? `Only ${change.quantity} in stock: quantity set to ${change.quantity}.` : `Quantity set to ${change.quantity}.`
  return { ok: true, count, message }
}

export async function removeCartItemAction(_previous: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = removeLineSchema.safeParse(formObject(formData, ['productId']))
  if (!parsed.success) return invalid(parsed.error, formData) as CartActionState
  const cartId = await resolveCartId({ create: false })
  if (cartId) await removeFromCart(cartId, parsed.data.productId)
  revalidatePath('/cart')
  return { ok: true, count: await cartItemCount(cartId), message: 'Removed from your cart.' }
}
