'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { type ActionState, formObject, submittedValues } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { createPromotion, type PromotionResult, setPromotionActive, updatePromotion } from './service'
import { createPromotionSchema, promotionFormFields, setPromotionActiveSchema, updatePromotionSchema } from './validation'

const admin = { access: 'admin', returnTo: '/admin/promotions' } as const

/** The form's fields; categories are checkboxes, so all of their values are read. */
function promotionInput(fields: readonly string[]) {
  return (formData: FormData) => ({ ...formObject(formData, fields), categoryIds: formData.getAll('categoryIds').filter((value) => typeof value === 'string') })
}

function outcome(result: PromotionResult, formData: FormData): ActionState {
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors, values: submittedValues(formData) }
  revalidatePath('/admin/promotions')
  revalidatePath('/cart')
  return { ok: true, message: result.message }
}

export const createPromotionAction = formAction(
  { ...admin, name: 'admin.promotion.create', schema: createPromotionSchema, input: promotionInput(promotionFormFields) },
  async (input, { caller, formData }) => {
    const result = await createPromotion(caller, input)
    const state = outcome(result, formData)
    if (result.ok) redirect(`/admin/promotions?created=${result.id}`)
    return state
  },
)

export const updatePromotionAction = formAction(
  { ...admin, name: 'admin.promotion.update', schema: updatePromotionSchema, input: promotionInput(['id', ...promotionFormFields]) },
  async (input, { caller, formData }) => outcome(await updatePromotion(caller, input.id, input), formData),
)

export const setPromotionActiveAction = formAction(
  { ...admin, name: 'admin.promotion.set-active', schema: setPromotionActiveSchema, input: ['id', 'active'] },
  async ({ id, active }, { caller, formData }) => outcome(await setPromotionActive(caller, id, active), formData),
)
