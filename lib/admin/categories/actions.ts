'use server'

import { type ActionState, failure, formObject, invalid, submittedValues } from '@/lib/action-state'
import { requireAdmin } from '@/lib/auth/session'
import { invalidateCatalog } from '@/lib/catalog/cache'
import { createCategory, deleteCategory, moveCategory, updateCategory } from './service'
import { createCategorySchema, deleteCategorySchema, moveCategorySchema, updateCategorySchema } from './validation'

function outcome(result: { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }, formData: FormData): ActionState {
  if (!result.ok) return result.fieldErrors ? { ...result, values: submittedValues(formData) } : failure(result.error)
  // Category names and the tree show on every storefront page.
  invalidateCatalog({ from: 'action' })
  return result
}

export async function createCategoryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/categories')
  const parsed = createCategorySchema.safeParse(formObject(formData, ['name', 'slug', 'description', 'parentId']))
  if (!parsed.success) return invalid(parsed.error, formData)
  return outcome(await createCategory(admin, parsed.data), formData)
}

export async function updateCategoryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/categories')
  const parsed = updateCategorySchema.safeParse(formObject(formData, ['id', 'name', 'description', 'parentId']))
  if (!parsed.success) return invalid(parsed.error, formData)
  return outcome(await updateCategory(admin, parsed.data), formData)
}

export async function moveCategoryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/categories')
  const parsed = moveCategorySchema.safeParse(formObject(formData, ['id', 'direction']))
  if (!parsed.success) return invalid(parsed.error, formData)
  return outcome(await moveCategory(admin, parsed.data.id, parsed.data.direction), formData)
}

export async function deleteCategoryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/categories')
  const parsed = deleteCategorySchema.safeParse(formObject(formData, ['id']))
  if (!parsed.success) return invalid(parsed.error, formData)
  return outcome(await deleteCategory(admin, parsed.data.id), formData)
}
