'use server'

import { type ActionState, failure, submittedValues } from '@/lib/action-state'
import { invalidateCatalog } from '@/lib/catalog/cache'
import { formAction } from '@/lib/define-action'
import { createCategory, deleteCategory, moveCategory, updateCategory } from './service'
import { createCategorySchema, deleteCategorySchema, moveCategorySchema, updateCategorySchema } from './validation'

function outcome(result: { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }, formData: FormData): ActionState {
  if (!result.ok) return result.fieldErrors ? { ...result, values: submittedValues(formData) } : failure(result.error)
  // Category names and the tree show on every storefront page.
  invalidateCatalog({ from: 'action' })
  return result
}

const admin = { access: 'admin', returnTo: '/admin/categories' } as const

export const createCategoryAction = formAction(
  { ...admin, name: 'admin.category.create', schema: createCategorySchema, input: ['name', 'slug', 'description', 'parentId'] },
  async (input, { caller, formData }) => outcome(await createCategory(caller, input), formData),
)

export const updateCategoryAction = formAction(
  { ...admin, name: 'admin.category.update', schema: updateCategorySchema, input: ['id', 'name', 'description', 'parentId'] },
  async (input, { caller, formData }) => outcome(await updateCategory(caller, input), formData),
)

export const moveCategoryAction = formAction({ ...admin, name: 'admin.category.move', schema: moveCategorySchema, input: ['id', 'direction'] }, async ({ id, direction }, { caller, formData }) =>
  outcome(await moveCategory(caller, id, direction), formData),
)

export const deleteCategoryAction = formAction({ ...admin, name: 'admin.category.delete', schema: deleteCategorySchema, input: ['id'] }, async ({ id }, { caller, formData }) =>
  outcome(await deleteCategory(caller, id), formData),
)
