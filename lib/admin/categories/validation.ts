import { z } from 'zod'
import { MAX_INT4 } from '@/lib/bounds'
import { idSchema, optionalSlugSchema } from '../products/validation'

const parentSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null
    const id = Number(value)
    if (!Number.isInteger(id) || id <= 0 || id > MAX_INT4) {
      ctx.addIssue({ code: 'custom', message: 'Choose a parent category, or none for a top-level one.' })
      return z.NEVER
    }
    return id
  })

const name = z.string({ error: 'Enter a category name.' }).trim().min(1, 'Enter a category name.').max(100, 'Keep the name under 100 characters.')
const description = z.string().trim().max(2000, 'Keep the description under 2,000 characters.').optional().default('')

export const createCategorySchema = z.object({ name, slug: optionalSlugSchema, description, parentId: parentSchema })
export const updateCategorySchema = z.object({ id: idSchema, name, description, parentId: parentSchema })
export const moveCategorySchema = z.object({ id: idSchema, direction: z.enum(['up', 'down'], { error: 'Choose a direction.' }) })
export const deleteCategorySchema = z.object({ id: idSchema })
export type CreateCategoryInput = z.infer<typeof createCategorySchema>
export type UpdateCategoryInput = z.infer<typeof updateCategorySchema>
