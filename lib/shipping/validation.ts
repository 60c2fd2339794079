import { z } from 'zod'
import { shippingCountries } from '@/lib/account/validation'
import { idSchema, MAX_PRICE_CENTS, priceCentsSchema } from '@/lib/bounds'
import { formatMoney, parseMajorUnits } from '@/lib/money'

const knownCountries = new Set<string>(shippingCountries.map(([code]) => code))

export function countryName(code: string) {
  return shippingCountries.find(([known]) => known === code)?.[1] ?? code
}

/** "NY, United States", or the country alone when no region was given. */
export function destinationName({ country, region }: { country: string; region: string }) {
  return region.trim() ? `${region.trim().toUpperCase()}, ${countryName(country)}` : countryName(country)
}

/** A country code as a form or a URL gives it: two letters, any case. */
export const countryCodeSchema = z
  .string({ error: 'Choose a country.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Choose a country.')

/** Where the cart ships to (the cart's country picker, a GET form): a country and, for tax, a state or region. */
export const destinationSchema = z.object({
  country: countryCodeSchema,
  region: z
    .string()
    .trim()
    .toUpperCase()
    .max(100)
    .regex(/^[\p{L}\p{N} .'-]*$/u, 'Enter the state or region as letters, like CA or Ontario.')
    .optional()
    .default(''),
})
export type Destination = z.infer<typeof destinationSchema>

const name = (what: string) =>
  z
    .string({ error: `Enter a ${what} name.` })
    .trim()
    .min(1, `Enter a ${what} name.`)
    .max(100, 'Keep the name under 100 characters.')

export const zoneSchema = z.object({
  name: name('zone'),
  countries: z
    .array(countryCodeSchema, { error: 'Choose at least one country.' })
    .min(1, 'Choose at least one country.')
    .refine((codes) => codes.every((code) => knownCountries.has(code)), 'Choose countries from the list (those the address forms accept).')
    .transform((codes) => [...new Set(codes)].sort()),
})
export const updateZoneSchema = zoneSchema.extend({ id: idSchema })
export const deleteSchema = z.object({ id: idSchema })

const days = (label: string) =>
  z.coerce
    .number({ error: `Enter the ${label} in days.` })
    .int(`Enter the ${label} in whole days.`)
    .min(0, `The ${label} cannot be negative.`)
    .max(365, `Keep the ${label} within a year (365 days).`)

const optionalDollars = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null
    const cents = parseMajorUnits(value)
    if (cents === null || cents > MAX_PRICE_CENTS) {
      ctx.addIssue({ code: 'custom', message: `Enter an amount in dollars up to ${formatMoney(MAX_PRICE_CENTS)}, or leave it empty for never free.` })
      return z.NEVER
    }
    return cents
  })

export const methodSchema = z
  .object({
    zoneId: idSchema,
    name: name('method'),
    price: priceCentsSchema,
    freeOver: optionalDollars,
    bandBasis: z.enum(['', 'weight', 'subtotal'], { error: 'Choose flat, weight or subtotal pricing.' }).transform((value) => (value === '' ? null : value)),
    bands: z.string().max(2_000, 'Keep the bands under 2,000 characters.').optional().default(''),
    minDeliveryDays: days('fastest delivery'),
    maxDeliveryDays: days('slowest delivery'),
    active: z
      .string()
      .optional()
      .transform((value) => value === 'on' || value === 'true'),
  })
  .refine((method) => method.maxDeliveryDays >= method.minDeliveryDays, { path: ['maxDeliveryDays'], message: 'The slowest delivery cannot be faster than the fastest.' })
export const updateMethodSchema = methodSchema.safeExtend({ id: idSchema })
export type MethodInput = z.infer<typeof methodSchema>

export const methodFields = ['zoneId', 'name', 'price', 'freeOver', 'bandBasis', 'bands', 'minDeliveryDays', 'maxDeliveryDays', 'active'] as const
