import { z } from 'zod'
import { idSchema } from '@/lib/bounds'
import { countryCodeSchema } from '@/lib/shipping/validation'
import { RATE_SCALE } from '@/lib/pricing/tax'

/** A percentage typed by the merchant ("20", "8.875") → millionths, from 0% to 100%, at most 4 decimals. */
export const ratePercentSchema = z.string({ error: 'Enter the rate as a percentage, like 20 or 8.875.' }).transform((value, ctx) => {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,4}))?\s*%?\s*$/.exec(value)
  const ppm = match ? Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0')) : null
  if (ppm === null || ppm > RATE_SCALE) {
    ctx.addIssue({ code: 'custom', message: 'Enter a rate from 0 to 100 percent, like 20 or 8.875 (at most 4 decimals, no negative rates).' })
    return z.NEVER
  }
  return ppm
})

export const taxRateSchema = z.object({
  country: countryCodeSchema,
  region: z
    .string()
    .trim()
    .toUpperCase()
    .max(100, 'Keep the region under 100 characters.')
    .regex(/^[\p{L}\p{N} .'-]*$/u, 'Enter the state or region as letters, like CA or Ontario, or leave it empty for the whole country.')
    .optional()
    .default(''),
  name: z.string({ error: 'Enter the tax’s name, like VAT or Sales tax.' }).trim().min(1, 'Enter the tax’s name, like VAT or Sales tax.').max(40, 'Keep the name under 40 characters.'),
  rate: ratePercentSchema,
  shippingTaxable: z
    .string()
    .optional()
    .transform((value) => value === 'on' || value === 'true'),
})
export type TaxRateInput = z.infer<typeof taxRateSchema>
export const taxRateFields = ['country', 'region', 'name', 'rate', 'shippingTaxable'] as const

export const deleteTaxRateSchema = z.object({ id: idSchema })

export const categoryTaxSchema = z.object({
  categoryId: idSchema,
  zeroRated: z
    .string()
    .optional()
    .transform((value) => value === 'on' || value === 'true'),
  stripeTaxCode: z
    .string()
    .trim()
    .regex(/^(txcd_\d{8})?$/, 'Enter a Stripe tax code like txcd_99999999, or leave it empty for your account’s default.')
    .optional()
    .transform((value) => value || null),
})
