import { z } from 'zod'
import { MAX_LINE_QUANTITY } from './totals'

const productId = z.coerce.number({ error: 'Choose a product.' }).int('Choose a product.').positive('Choose a product.').max(2_147_483_647, 'Choose a product.')

const quantityNumber = (min: number) =>
  z.coerce
    .number({ error: 'Enter a whole number.' })
    .int('Enter a whole number.')
    .min(min, min === 0 ? 'Quantity cannot be negative.' : 'Add at least one.')
    .max(MAX_LINE_QUANTITY, `You can order at most ${MAX_LINE_QUANTITY} of one item.`)

// An empty field is a mistake, not zero (which would remove the line).
const quantity = (min: number) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? Number.NaN : value), quantityNumber(min))

const variantId = z.coerce.number({ error: 'Choose an option.' }).int('Choose an option.').positive('Choose an option.').max(2_147_483_647, 'Choose an option.')

// No variant id (a product card's quick add) means the product's only variant; the cart checks it.
const optionalVariantId = z.preprocess((value) => (value === '' || value === null ? undefined : value), variantId.optional())

export const addToCartSchema = z.object({ productId, variantId: optionalVariantId, quantity: quantity(1).default(1) })
export const setQuantitySchema = z.object({ variantId, quantity: quantity(0) })
export const removeLineSchema = z.object({ variantId })

/** "Buy again" on an order page: the order, and for a guest the key of its link. */
export const buyAgainSchema = z.object({
  orderId: z.coerce.number().int().positive().max(2_147_483_647),
  key: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string().max(64).optional()),
})
