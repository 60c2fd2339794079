import { z } from 'zod'
import { addressSchema } from '@/lib/account/validation'
import { emailSchema } from '@/lib/auth/validation'
import { countryCodeSchema, destinationSchema } from '@/lib/shipping/validation'
import { ORDER_NOTE_MAX } from './note'

/** The cart's shipping choice travels with the checkout form; the server checks it against the destination's zone. */
const shippingChoiceFields = {
  country: countryCodeSchema.optional(),
  region: destinationSchema.shape.region,
  shippingMethodId: z
    .union([z.literal('').transform(() => undefined), z.coerce.number().int().positive().max(2_147_483_647, 'Choose one of the shipping methods shown.')], {
      error: 'Choose one of the shipping methods shown.',
    })
    .optional(),
}

/** The shopper's note for the shop (delivery instructions, a gift message); empty: none. */
const orderNoteSchema = z
  .string()
  .trim()
  .max(ORDER_NOTE_MAX, `Keep the note under ${ORDER_NOTE_MAX} characters.`)
  .optional()
  .transform((note) => note || null)

export const checkoutSchema = z.object({ email: emailSchema, note: orderNoteSchema, ...shippingChoiceFields })
export const checkoutFields = ['country', 'region', 'shippingMethodId', 'note'] as const

export const orderNumberSchema = z
  .string({ error: 'Enter your order number.' })
  .trim()
  .transform((value) => value.replace(/^#/, ''))
  .pipe(z.string().regex(/^\d{1,10}$/, 'Enter the order number from your confirmation, like #10001.'))
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647, 'Enter the order number from your confirmation, like #10001.'))

export const orderLookupSchema = z.object({ orderNumber: orderNumberSchema, email: emailSchema })

/** An order's number in a path, written one way only (`/orders/10051`, never `+10051`, `010051` or `1.0051e4`). */
export const orderIdParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().max(2_147_483_647))

export const checkoutSessionIdSchema = z.string().regex(/^cs_[A-Za-z0-9_]{4,200}$/)

const thisYear = () => new Date().getUTCFullYear() % 100

/** The shop's own checkout pages (demo payment, nothing to pay): the session and the contact email. */
export const localCheckoutSchema = z.object({ sessionId: checkoutSessionIdSchema, email: emailSchema })

/** The demo payment page's contact and card fields; the address is a saved one or shippingAddressSchema. */
export const demoCardSchema = localCheckoutSchema.extend({
  cardNumber: z
    .string({ error: 'Enter the card number.' })
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12,19}$/, 'Enter the card number, like 4242 4242 4242 4242.')),
  expiry: z
    .string({ error: 'Enter the expiry date.' })
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, 'Enter the expiry date as MM / YY.')
    .refine((value) => {
      const [month, year] = value.split('/').map((part) => Number(part.trim()))
      const current = new Date()
      return (year ?? 0) > thisYear() || ((year ?? 0) === thisYear() && (month ?? 0) >= current.getUTCMonth() + 1)
    }, 'That card has expired.'),
  cvc: z
    .string({ error: 'Enter the security code.' })
    .trim()
    .regex(/^\d{3,4}$/, 'Enter the 3 or 4 digit security code.'),
})

/** A signed-in shopper picks a saved address by id, or "new" to type one (and maybe save it). */
export const savedAddressChoiceSchema = z.union([z.literal('new'), z.coerce.number().int().positive().max(2_147_483_647)])

/** A shipping address as a checkout page or the admin takes it (an address-book entry without its default flag). */
export const shippingAddressSchema = addressSchema.omit({ isDefault: true })

export const demoPaymentSchema = demoCardSchema.extend(shippingAddressSchema.shape)

/** The confirmation page of an order with nothing to pay: contact and address, no card. */
export const freeCheckoutSchema = localCheckoutSchema.extend(shippingAddressSchema.shape)
