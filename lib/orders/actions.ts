'use server'

import { after } from 'next/server'
import { redirect } from 'next/navigation'
import { failure, formObject } from '@/lib/action-state'
import { limitKeys, lockedFor, rateLimitMessage, recordAttempt } from '@/lib/auth/rate-limit'
import { currentClientIp } from '@/lib/auth/request'
import { resolveCartId } from '@/lib/cart/cart'
import { formAction } from '@/lib/define-action'
import { startCheckout } from './checkout'
import { findOrderForLookup, guestOrderPath } from './queries'
import { sweepExpiredOrders } from './sweeper'
import { checkoutFields, checkoutSchema, orderLookupSchema } from './validation'

/** Guests give an email; signed-in shoppers check out with their account's. */
export const checkoutAction = formAction(
  {
    name: 'checkout.start',
    access: 'public',
    schema: checkoutSchema,
    input: (formData, user) => ({ ...formObject(formData, checkoutFields), ...(user ? { email: user.email } : formObject(formData, ['email'])) }),
  },
  async ({ email, note, country, region, shippingMethodId }, { caller: user, formData }) => {
    const result = await startCheckout({
      cartId: await resolveCartId({ create: false }),
      userId: user?.id ?? null,
      email,
      note,
      destination: country ? { country, region } : null,
      shippingMethodId: shippingMethodId ?? null,
    })
    if (!result.ok) return failure(result.error, formData)
    // Housekeeping off the shopper's path: release stock held by abandoned checkouts.
    after(() => sweepExpiredOrders(20).catch((error) => console.error('sweep after checkout failed', error)))
    redirect(result.url)
  },
)

/**
 * A guest finds an order by its number and the email it was placed with. Failed lookups count per
 * IP and per email, so guessing one shopper's order numbers from many addresses is locked too.
 */
export const lookupOrderAction = formAction({ name: 'order.lookup', access: 'public', schema: orderLookupSchema, input: ['orderNumber', 'email'] }, async ({ orderNumber, email }, { formData }) => {
  const keys = limitKeys({ email: email.toLowerCase(), ip: await currentClientIp() })
  if ((await lockedFor('order_lookup', keys)) > 0) return failure(rateLimitMessage, formData)
  const order = await findOrderForLookup(orderNumber, email)
  if (!order) {
    await recordAttempt('order_lookup', keys)
    return failure('We found no order with that number and email address. Check both against your confirmation email.', formData)
  }
  redirect(guestOrderPath(order))
})
