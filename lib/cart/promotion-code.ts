import 'server-only'
import { eq } from 'drizzle-orm'
import { db } from '@/db/client'
import { carts } from '@/db/schema'
import { normalizeCode } from '@/lib/pricing/promotion-rules'
import { loadCart } from './cart'

export type CodeOutcome = { ok: true; code: string; savedCents: number; currency: string } | { ok: false; error: string }

/**
 * Tries a code on the cart as it is now and keeps it only if it applies: the shopper learns what it
 * saves, or why it does not apply, and a refused code leaves the cart as it was.
 */
export async function applyPromotionCode(cartId: string, typed: string, customerEmail: string | null): Promise<CodeOutcome> {
  const code = normalizeCode(typed)
  if (!code) return { ok: false, error: 'Enter a code.' }
  const cart = await loadCart(cartId, db, { customerEmail, promotionCode: code })
  if (cart.lines.length === 0) return { ok: false, error: 'Your cart is empty.' }
  if (cart.pricing.codeRejection) return { ok: false, error: cart.pricing.codeRejection.message }
  const applied = cart.pricing.promotions.find((promotion) => promotion.code === code)
  if (!applied) return { ok: false, error: `The code ${code} would not lower your total.` }
  await db.update(carts).set({ promotionCode: code }).where(eq(carts.id, cartId))
  return { ok: true, code, savedCents: applied.discountCents + applied.shippingDiscountCents, currency: cart.currency }
}

export async function removePromotionCode(cartId: string) {
  await db.update(carts).set({ promotionCode: null }).where(eq(carts.id, cartId))
}
