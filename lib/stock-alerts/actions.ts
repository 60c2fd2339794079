'use server'

import { failure } from '@/lib/action-state'
import { limitKeys, lockedFor, recordAttempt } from '@/lib/auth/rate-limit'
import { currentClientIp } from '@/lib/auth/request'
import { formAction } from '@/lib/define-action'
import { subscribeToStockAlert } from './alerts'
import { guestStockAlertSchema, memberStockAlertSchema } from './validation'

const tooMany = 'You have asked for many alerts in a short time. Please wait 15 minutes and try again.'

/** "Email me when it's back": guests give an address, signed-in shoppers use their account's. Rate-limited per address and IP. */
export const subscribeStockAlertAction = formAction(
  {
    name: 'stock-alert.subscribe',
    access: 'public',
    schema: (user) => (user ? memberStockAlertSchema : guestStockAlertSchema),
    input: ['productId', 'variantId', 'email'],
  },
  async (parsed, { caller: user, formData }) => {
    const email = user ? user.email : 'email' in parsed && typeof parsed.email === 'string' ? parsed.email : null
    if (!email) return failure('Enter your email address.', formData)
    const keys = limitKeys({ email, ip: await currentClientIp() })
    if ((await lockedFor('stock_alert', keys)) > 0) return failure(tooMany, formData)
    await recordAttempt('stock_alert', keys)
    const result = await subscribeToStockAlert({ productId: parsed.productId, variantId: parsed.variantId, email, userId: user?.id ?? null })
    return result.ok ? result : failure(result.error, formData)
  },
)
