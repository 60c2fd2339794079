'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { type ActionFailure, failure, submittedValues } from '@/lib/action-state'
import { idSchema } from '@/lib/bounds'
import { invalidateCatalog, invalidateProducts } from '@/lib/catalog/cache'
import { formAction } from '@/lib/define-action'
import { addProductImages, manageProductImages } from './images'
import { adjustStock, createProduct, deleteOrArchiveProduct, updateProduct } from './service'
import { createProductSchema, productFields, stockAdjustmentSchema, updateProductSchema } from './validation'

function refused(result: { error: string; fieldErrors?: Record<string, string[]> }, formData: FormData): ActionFailure {
  return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values: submittedValues(formData) }
}

const admin = { access: 'admin', returnTo: '/admin/products' } as const

/** Creates a product (no id) or saves an existing one (id). */
export const saveProductAction = formAction(
  {
    ...admin,
    name: 'admin.product.save',
    schema: (_caller, formData) => (formData.get('id') ? updateProductSchema : createProductSchema),
    input: productFields,
  },
  async (input, { caller, formData }) => {
    if ('id' in input) {
      const result = await updateProduct(caller, input)
      if (!result.ok) return refused(result, formData)
      invalidateCatalog({ productSlugs: result.slugs, from: 'action' })
      return { ok: true, message: 'Product saved. The shop shows the change now.' }
    }
    const result = await createProduct(caller, input)
    if (!result.ok) return refused(result, formData)
    invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
    redirect(`/admin/products/${result.id}?created=1`)
  },
)

/** Deletes a product that was never ordered; archives (hides) one that was. */
export const deleteProductAction = formAction({ ...admin, name: 'admin.product.delete', schema: z.object({ id: idSchema }), input: ['id'] }, async ({ id }, { caller }) => {
  const result = await deleteOrArchiveProduct(caller, id)
  if (!result.ok) return failure(result.error)
  invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
  if (result.outcome === 'archived') {
    return { ok: true, message: 'This product has orders, so it was archived instead of deleted: it is hidden from the shop and its orders keep their history.' }
  }
  redirect('/admin/products?deleted=1')
})

export const adjustStockAction = formAction(
  { ...admin, name: 'admin.product.adjust-stock', schema: stockAdjustmentSchema, input: ['productId', 'variantId', 'delta', 'reason', 'note'] },
  async (input, { caller, formData }) => {
    const result = await adjustStock(caller, input)
    if (!result.ok) return refused(result, formData)
    invalidateProducts([result.slug], 'action', result.availabilityChanged)
    return { ok: true, message: result.title ? `Stock of ${result.title} is now ${result.stock}.` : `Stock is now ${result.stock}.` }
  },
)

const uploadSchema = z.object({ productId: idSchema, alt: z.string().trim().max(300, 'Keep the description under 300 characters.').optional().default('') })

export const uploadProductImagesAction = formAction(
  { ...admin, name: 'admin.product.upload-images', schema: uploadSchema, input: ['productId', 'alt'] },
  async ({ productId, alt }, { caller, formData }) => {
    const files = formData.getAll('images').filter((value): value is File => typeof value !== 'string' && value.size > 0)
    const result = await addProductImages(caller, productId, await Promise.all(files.map(async (file) => ({ name: file.name || 'The file', bytes: new Uint8Array(await file.arrayBuffer()) }))), alt)
    if (!result.ok) return refused(result, formData)
    invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
    return { ok: true, message: result.message }
  },
)

const imageIntentSchema = z.union(
  [
    z.literal('save').transform(() => ({ kind: 'save' as const })),
    z
      .string()
      .regex(/^(up|down|delete):\d{1,9}$/)
      .transform((value) => {
        const [kind, id] = value.split(':')
        return { kind: kind as 'up' | 'down' | 'delete', imageId: Number(id) }
      }),
  ],
  { error: 'Choose what to do with the images.' },
)

/** Alt texts (fields `alt-<imageId>`), and one move or removal named by the button pressed (`intent`). */
export const manageProductImagesAction = formAction(
  { ...admin, name: 'admin.product.manage-images', schema: z.object({ productId: idSchema, intent: imageIntentSchema }), input: ['productId', 'intent'] },
  async ({ productId, intent }, { caller, formData }) => {
    const alts = new Map<number, string>()
    for (const [key, value] of formData.entries()) {
      const match = /^alt-(\d{1,9})$/.exec(key)
      if (match && typeof value === 'string') alts.set(Number(match[1]), value)
    }
    const result = await manageProductImages(caller, productId, intent, alts)
    if (!result.ok) return failure(result.error)
    invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
    return { ok: true, message: result.message }
  },
)
