import { z } from 'zod'
import { emailSchema } from '@/lib/auth/validation'

const productId = z.coerce.number({ error: 'Choose a product.' }).int('Choose a product.').positive('Choose a product.').max(2_147_483_647, 'Choose a product.')

/** Guests give the address to write to; signed-in shoppers are written to at their account's. */
// Optional: a product without options has one variant, found by the product alone.
const variantId = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.coerce.number({ error: 'Choose an option.' }).int('Choose an option.').positive('Choose an option.').max(2_147_483_647, 'Choose an option.').optional(),
)

export const guestStockAlertSchema = z.object({ productId, variantId, email: emailSchema })
export const memberStockAlertSchema = z.object({ productId, variantId })
