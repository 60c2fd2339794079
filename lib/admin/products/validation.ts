import { z } from 'zod'
import { idSchema, MAX_INT4, priceCentsSchema } from '@/lib/bounds'
import { slugPattern } from '../slug'

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
export const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === '1', z.boolean())

// Shared with orders, categories and the CSV import: the bounds live in one place.
export { idSchema, priceCentsSchema as priceSchema } from '@/lib/bounds'

export const stockSchema = z
  .string({ error: 'Enter the number in stock.' })
  .trim()
  .regex(/^\d{1,7}$/, 'Enter a whole number of items, 0 or more.')
  .transform(Number)

export const optionalSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, 'Keep the slug under 80 characters.')
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || slugPattern.test(value), 'Use lowercase letters, digits and single hyphens only (for example “blue-mug”).')

const productBase = {
  name: z.string({ error: 'Enter a product name.' }).trim().min(1, 'Enter a product name.').max(200, 'Keep the name under 200 characters.'),
  slug: optionalSlugSchema,
  price: priceCentsSchema,
  categoryId: z.coerce.number({ error: 'Choose a category.' }).int('Choose a category.').positive('Choose a category.').max(MAX_INT4, 'Choose a category.'),
  description: z.string().trim().max(10_000, 'Keep the description under 10,000 characters.').optional().default(''),
  active: checkbox,
  featured: checkbox,
}

/** Creating: the opening stock is given here; afterwards it changes only through adjustments. */
export const createProductSchema = z.object({ ...productBase, stock: stockSchema })
export const updateProductSchema = z.object({ ...productBase, id: idSchema })
export type CreateProductInput = z.infer<typeof createProductSchema>
export type UpdateProductInput = z.infer<typeof updateProductSchema>
export const productFields = ['id', 'name', 'slug', 'price', 'stock', 'categoryId', 'description', 'active', 'featured'] as const

export const stockAdjustmentSchema = z.object({
  productId: idSchema,
  /** The variant counted; left out, the product's default variant (a product without options). */
  variantId: z.preprocess((value) => (value === '' ? undefined : value), idSchema.optional()),
  delta: z
    .string({ error: 'Enter how many items to add (like 5) or remove (like -2).' })
    .trim()
    .regex(/^[+-]?\d{1,7}$/, 'Enter a whole number: positive to add, negative to remove.')
    .transform(Number)
    .refine((value) => value !== 0, 'Enter a change other than 0.'),
  reason: z.enum(['restock', 'adjustment'], { error: 'Choose a reason.' }),
  note: z.string({ error: 'Say why the stock changes (for example “counted on shelf”).' }).trim().min(3, 'Say why the stock changes (for example “counted on shelf”).').max(500),
})
export type StockAdjustment = z.infer<typeof stockAdjustmentSchema>
