import { z } from 'zod'
import { type ActionFailure, submittedValues } from '@/lib/action-state'
import { idSchema, priceCentsSchema } from '@/lib/bounds'
import { combinations, MAX_OPTIONS, type OptionDef } from './variant-plan'
import { checkbox } from './validation'

/**
 * The options and variants forms. Their fields are named like `options.0.name` and
 * `variants.2.sku`, and an error is keyed by the same name, so it shows beside its field.
 */

export const MAX_VARIANTS = 250

/** Rows of a repeated group of fields (`prefix.<n>.<field>`), by index; a gap is an empty row. */
export function nestedRows(formData: FormData, prefix: string): Record<string, string>[] {
  const rows: Record<string, string>[] = []
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.([a-zA-Z]+)$`)
  for (const [key, value] of formData.entries()) {
    const match = pattern.exec(key)
    if (!match || typeof value !== 'string') continue
    const index = Number(match[1])
    for (let fill = rows.length; fill <= index; fill++) rows.push({})
    const row = rows[index]
    if (row) row[match[2] as string] = value
  }
  return rows
}

/** A refusal with each zod issue keyed by its field's name (`variants.2.sku`). */
export function nestedInvalid(error: z.ZodError, formData: FormData): ActionFailure {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : 'form'
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  const first = Object.values(fieldErrors)[0]?.[0]
  const error_ = Object.keys(fieldErrors).length === 1 && first ? first : 'Please correct the highlighted fields.'
  return { ok: false, error: error_, fieldErrors, values: submittedValues(formData) }
}

/** "S, M, L" or one value a line → ["S", "M", "L"]. */
export function splitValues(text: string) {
  return text
    .split(/[,\n]/)
    .map((value) => value.trim())
    .filter((value) => value !== '')
}

const optionRowSchema = z.object({
  name: z.string().optional().default(''),
  values: z.string().optional().default(''),
})

export const optionsInputSchema = z.object({ productId: idSchema, options: z.array(optionRowSchema).max(20, 'A product can have at most three options.') }).transform((input, ctx) => {
  const options: OptionDef[] = []
  const names = new Map<string, number>()
  input.options.forEach((row, index) => {
    const name = row.name.trim()
    const values = splitValues(row.values)
    if (name === '' && values.length === 0) return
    const at = (field: 'name' | 'values', message: string) => ctx.addIssue({ code: 'custom', path: ['options', index, field], message })
    if (name === '') return at('name', 'Name this option (for example “Size”), or clear its values.')
    if (name.length > 60) return at('name', 'Keep the option name under 60 characters.')
    const clash = names.get(name.toLowerCase())
    if (clash !== undefined) return at('name', `Option ${clash + 1} already has this name.`)
    names.set(name.toLowerCase(), index)
    if (values.length === 0) return at('values', `Add at least one value for “${name}”, separated by commas (for example “S, M, L”).`)
    const seen = new Set<string>()
    for (const value of values) {
      if (value.length > 100) return at('values', `Keep each value under 100 characters (“${value.slice(0, 20)}…” is longer).`)
      if (value.includes(' / ')) return at('values', `“${value}”: a value cannot contain “ / ” (it separates values in a variant’s name).`)
      if (seen.has(value.toLowerCase())) return at('values', `“${value}” is listed twice.`)
      seen.add(value.toLowerCase())
    }
    options.push({ name, values })
  })
  if (options.length > MAX_OPTIONS) ctx.addIssue({ code: 'custom', path: ['options'], message: 'A product can have at most three options (like Size, Colour and Material).' })
  const count = combinations(options).length
  if (count > MAX_VARIANTS) ctx.addIssue({ code: 'custom', path: ['options'], message: `These options make ${count} combinations; a product can have at most ${MAX_VARIANTS} variants.` })
  return { productId: input.productId, options }
})
export type OptionsInput = z.output<typeof optionsInputSchema>

export const skuSchema = z
  .string({ error: 'Enter a SKU.' })
  .trim()
  .min(1, 'Enter a SKU.')
  .max(64, 'Keep the SKU under 64 characters.')
  .regex(/^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u, 'A SKU cannot hold line breaks or control characters.')

export const MAX_WEIGHT_GRAMS = 1_000_000
export const MAX_BARCODE_LENGTH = 64

/** An optional text field: no field is undefined (keep what is saved), empty is null (none), else what `read` makes of it. */
function optionalField<T>(read: (text: string, ctx: z.RefinementCtx) => T) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined
      const text = value.trim()
      return text === '' ? null : read(text, ctx)
    })
}

/** A variant's shipping weight in whole grams, what weight-banded shipping methods add up. */
export const weightGramsSchema = optionalField((text, ctx) => {
  const grams = /^\d{1,7}$/.test(text) ? Number(text) : null
  if (grams === null) ctx.addIssue({ code: 'custom', message: 'Enter the weight in whole grams, like 450, or leave it empty.' })
  else if (grams > MAX_WEIGHT_GRAMS) ctx.addIssue({ code: 'custom', message: `Enter a weight of at most ${MAX_WEIGHT_GRAMS.toLocaleString('en-US')} g (1 tonne).` })
  else return grams
  return z.NEVER
})

/** A barcode (GTIN, UPC, EAN, ISBN…) as printed. */
export const barcodeSchema = optionalField((text, ctx) => {
  if (text.length > MAX_BARCODE_LENGTH) ctx.addIssue({ code: 'custom', message: `Keep the barcode under ${MAX_BARCODE_LENGTH} characters.` })
  else if (/\p{Cc}/u.test(text)) ctx.addIssue({ code: 'custom', message: 'A barcode cannot hold line breaks or control characters.' })
  else return text
  return z.NEVER
})

const optionalPrice = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? '')
  .pipe(z.union([z.literal('').transform(() => null), priceCentsSchema]))

/** An optional picker: empty is null, anything else must be an id. */
const optionalId = z.preprocess((value) => ((typeof value === 'string' && value.trim() === '') || value === undefined ? null : value), idSchema.nullable())

const variantRowSchema = z.object({
  id: idSchema,
  sku: skuSchema,
  price: priceCentsSchema,
  compareAt: optionalPrice,
  weightGrams: weightGramsSchema,
  barcode: barcodeSchema,
  imageId: optionalId,
  active: checkbox,
})

/** Checks across rows, run even when a row's own fields are wrong, so every problem shows at once. */
function checkRows(rows: unknown, ctx: z.RefinementCtx<unknown[]>) {
  if (!Array.isArray(rows)) return
  const skus = new Map<string, number>()
  const ids = new Set<string>()
  rows.forEach((row: Record<string, unknown>, index) => {
    const sku = typeof row.sku === 'string' ? row.sku.trim() : ''
    const first = skus.get(sku.toLowerCase())
    if (sku && first !== undefined) ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: `Row ${first + 1} already uses the SKU “${sku}”. Each variant needs its own.` })
    else if (sku) skus.set(sku.toLowerCase(), index)
    const id = String(row.id ?? '')
    if (ids.has(id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'This variant is listed twice. Reload the page and try again.' })
    ids.add(id)
    // Parsed fields are cents already; a field that failed is still its text.
    const price = typeof row.price === 'number' ? row.price : null
    const compareAt = typeof row.compareAt === 'number' ? row.compareAt : null
    if (price !== null && compareAt !== null && compareAt <= price)
      ctx.addIssue({ code: 'custom', path: [index, 'compareAt'], message: 'The compare-at price is shown struck through, so it must be higher than the price (or empty).' })
  })
}

export const variantsInputSchema = z.object({
  productId: idSchema,
  variants: z
    .array(variantRowSchema)
    .min(1, 'There are no variants to save.')
    .max(MAX_VARIANTS)
    .superRefine((rows, ctx) => checkRows(rows, ctx), { when: () => true }),
})
export type VariantsInput = z.output<typeof variantsInputSchema>
export type VariantEdit = VariantsInput['variants'][number]
