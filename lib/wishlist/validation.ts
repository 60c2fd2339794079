import { z } from 'zod'

export const wishlistProductSchema = z.object({
  productId: z.coerce.number({ error: 'Choose a product.' }).int('Choose a product.').positive('Choose a product.').max(2_147_483_647, 'Choose a product.'),
})

/** Whether the heart adds or removes; a form posted without JavaScript always adds (saving twice is harmless). */
export const toggleWishlistSchema = wishlistProductSchema.extend({ intent: z.enum(['add', 'remove']).default('add') })

export const wishlistSharingSchema = z
  .object({
    displayName: z
      .string()
      .trim()
      .max(60, 'Keep the name under 60 characters.')
      .refine((name) => !/[<>]/.test(name), 'Use letters, numbers and spaces.'),
    isPublic: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
  })
  .refine((value) => !value.isPublic || value.displayName.length > 0, { path: ['displayName'], message: 'Choose a name to show on your public list.' })
