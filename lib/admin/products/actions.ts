'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { type ActionState, failure, formObject, invalid, submittedValues } from '@/lib/action-state'
import { requireAdmin } from '@/lib/auth/session'
import { invalidateCatalog } from '@/lib/catalog/cache'
import { addProductImages, manageProductImages } from './images'
import { adjustStock, createProduct, deleteOrArchiveProduct, updateProduct } from './service'
import { createProductSchema, idSchema, productFields, stockAdjustmentSchema, updateProductSchema } from './validation'

function refused(result: { error: string; fieldErrors?: Record<string, string[]> }, formData: FormData): ActionState {
  return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values: submittedValues(formData) }
}

/** Creates a product (no id) or saves an existing one (id). */
export async function saveProductAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/products')
  const fields = formObject(formData, productFields)
  if (fields.id) {
    const parsed = updateProductSchema.safeParse(fields)
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await updateProduct(admin, parsed.data)
    if (!result.ok) return refused(result, formData)
    invalidateCatalog({ productSlugs: result.slugs, from: 'action' })
    return { ok: true, message: 'Product saved. The shop shows the change now.' }
  }
  const parsed = createProductSchema.safeParse(fields)
  if (!parsed.success) return invalid(parsed.error, formData)
  const result = await createProduct(admin, parsed.data)
  if (!result.ok) return refused(result, formData)
  invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
  redirect(`/admin/products/${result.id}?created=1`)
}

/** Deletes a product that was never ordered; archives (hides) one that was. */
export async function deleteProductAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/products')
  const parsed = z.object({ id: idSchema }).safeParse(formObject(formData, ['id']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const result = await deleteOrArchiveProduct(admin, parsed.data.id)
  if (!result.ok) return failure(result.error)
  invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
  if (result.outcome === 'archived') {
    return { ok: true, message: 'This product has orders, so it was archived instead of deleted: it is hidden from the shop and its orders keep their history.' }
  }
  redirect('/admin/products?deleted=1')
}

export async function adjustStockAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/products')
  const parsed = stockAdjustmentSchema.safeParse(formObject(formData, ['productId', 'delta', 'reason', 'note']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const result = await adjustStock(admin, parsed.data)
  if (!result.ok) return refused(result, formData)
  invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
  return { ok: true, message: `Stock is now ${result.stock}.` }
}

export async function uploadProductImagesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/products')
  const parsed = z
    .object({ productId: idSchema, alt: z.string().trim().max(300, 'Keep the description under 300 characters.').optional().default('') })
    .safeParse(formObject(formData, ['productId', 'alt']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const files = formData.getAll('images').filter((value): value is File => typeof value !== 'string' && value.size > 0)
  const result = await addProductImages(
    admin,
    parsed.data.productId,
    await Promise.all(files.map(async (file) => ({ name: file.name || 'The file', bytes: new Uint8Array(await file.arrayBuffer()) }))),
    parsed.data.alt,
  )
  if (!result.ok) return refused(result, formData)
  invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
  return { ok: true, message: result.message }
}

const imageIntentSchema = z.union([
  z.literal('save').transform(() => ({ kind: 'save' as const })),
  z
    .string()
    .regex(/^(up|down|delete):\d{1,9}$/)
    .transform((value) => {
      const [kind, id] = value.split(':')
      return { kind: kind as 'up' | 'down' | 'delete', imageId: Number(id) }
    }),
], { error: 'Choose what to do with the images.' })

/** Alt texts (fields `alt-<imageId>`), and one move or removal named by the button pressed (`intent`). */
export async function manageProductImagesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/products')
  const parsed = z.object({ productId: idSchema, intent: imageIntentSchema }).safeParse(formObject(formData, ['productId', 'intent']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const alts = new Map<number, string>()
  for (const [key, value] of formData.entries()) {
    const match = /^alt-(\d{1,9})$/.exec(key)
    if (match && typeof value === 'string') alts.set(Number(match[1]), value)
  }
  const result = await manageProductImages(admin, parsed.data.productId, parsed.data.intent, alts)
  if (!result.ok) return failure(result.error)
  invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
  return { ok: true, message: result.message }
}
