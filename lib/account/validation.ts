import { z } from 'zod'

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .normalize('NFKC')
    .trim()
    .max(max, `Use at most ${max} characters for ${label}.`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), `Remove control characters from ${label}.`)

export const addressSchema = z.object({
  fullName: text('the recipient’s name', 100).pipe(z.string().min(1, 'Enter the recipient’s name.')),
  line1: text('the street address', 200).pipe(z.string().min(1, 'Enter the street address.')),
  line2: text('the second address line', 200).default(''),
  city: text('the city', 100).pipe(z.string().min(1, 'Enter the city.')),
  region: text('the state or region', 100).default(''),
  postalCode: text('the postal code', 20).pipe(z.string().min(1, 'Enter the postal code.')),
  country: z
    .string({ error: 'Choose a country.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Choose a country.'),
  phone: text('the phone number', 30)
    .pipe(z.string().regex(/^[0-9+()\-. ]*$/, 'Phone numbers may contain digits, spaces and + ( ) - . only.'))
    .default(''),
  isDefault: z
    .union([z.literal('on'), z.literal('true'), z.literal('1')])
    .optional()
    .transform((value) => value !== undefined),
})

export type AddressInput = z.infer<typeof addressSchema>

export const addressIdSchema = z.coerce.number().int().positive().max(2_147_483_647)

export const addressFields = ['fullName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone', 'isDefault'] as const

/** The countries we ship to, for the address form's select. */
export const shippingCountries = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['SE', 'Sweden'],
  ['AU', 'Australia'],
  ['NZ', 'New Zealand'],
] as const
