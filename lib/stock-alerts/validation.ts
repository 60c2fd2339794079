import { z } from 'zod'
import { emailSchema } from '@/lib/auth/validation'

const productId = z.coerce.number({ error: 'Choose a product.' }).int('Choose a product.').positive('Choose a product.').max(2_147_483_647, 'Choose a product.')

/** Guests give the address to write to; signed-in shoppers are written to at their account's. */
export const guestStockAlertSchema = z.object({ productId, email: emailSchema })
export const memberStockAlertSchema = z.object({ productId })
