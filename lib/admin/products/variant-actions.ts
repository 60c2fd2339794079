'use server'

import { failure } from '@/lib/action-state'
import { invalidateCatalog } from '@/lib/catalog/cache'
import { formAction } from '@/lib/define-action'
import { pluralize } from '@/lib/plural'
import { saveProductOptions, saveVariants } from './variants'
import { nestedInvalid, nestedRows, optionsInputSchema, variantsInputSchema } from './variant-validation'

const admin = { access: 'admin', returnTo: '/admin/products' } as const

/** Saves a product's options (up to three) and creates the variants for new combinations. */
export const saveOptionsAction = formAction(
  {
    ...admin,
    name: 'admin.product.save-options',
    schema: optionsInputSchema,
    input: (formData) => ({ productId: formData.get('productId') ?? undefined, options: nestedRows(formData, 'options') }),
    onInvalid: nestedInvalid,
  },
  async (input, { caller, formData }) => {
    const result = await saveProductOptions(caller, input)
    if (!result.ok) return { ...failure(result.error, formData), fieldErrors: result.fieldErrors }
    invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
    const changes = [
      result.created > 0 && `${pluralize(result.created, 'variant')} created`,
      result.archived > 0 && `${pluralize(result.archived, 'variant')} archived (they have orders)`,
      result.deleted > 0 && `${pluralize(result.deleted, 'variant')} deleted`,
    ].filter(Boolean)
    return { ok: true, message: `Options saved.${changes.length > 0 ? ` ${changes.join(', ')}.` : ''}` }
  },
)

/** Saves every variant's SKU, price, compare-at price, image and active flag at once. */
export const saveVariantsAction = formAction(
  {
    ...admin,
    name: 'admin.product.save-variants',
    schema: variantsInputSchema,
    input: (formData) => ({ productId: formData.get('productId') ?? undefined, variants: nestedRows(formData, 'variants') }),
    onInvalid: nestedInvalid,
  },
  async (input, { caller, formData }) => {
    const result = await saveVariants(caller, input)
    if (!result.ok) return { ...failure(result.error, formData), fieldErrors: result.fieldErrors }
    invalidateCatalog({ productSlugs: [result.slug], from: 'action' })
    return { ok: true, message: result.changed === 0 ? 'Nothing changed.' : `${pluralize(result.changed, 'variant')} saved. The shop shows the change now.` }
  },
)
