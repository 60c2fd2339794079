'use server'

import { revalidatePath } from 'next/cache'
import { type ActionState, submittedValues } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { deleteTaxRate, saveCategoryTax, saveTaxRate, type TaxResult } from './service'
import { categoryTaxSchema, deleteTaxRateSchema, taxRateFields, taxRateSchema } from './validation'

function outcome(result: TaxResult, formData: FormData): ActionState {
  if (!result.ok) return { ...result, values: submittedValues(formData) }
  // The admin page lists what was just saved; the cart reads these rules per request.
  revalidatePath('/admin/tax')
  return result
}

const admin = { access: 'admin', returnTo: '/admin/tax' } as const

export const saveTaxRateAction = formAction({ ...admin, name: 'admin.tax.rate.save', schema: taxRateSchema, input: taxRateFields }, async (input, { caller, formData }) =>
  outcome(await saveTaxRate(caller, input), formData),
)

export const deleteTaxRateAction = formAction({ ...admin, name: 'admin.tax.rate.delete', schema: deleteTaxRateSchema, input: ['id'] }, async ({ id }, { caller, formData }) =>
  outcome(await deleteTaxRate(caller, id), formData),
)

export const saveCategoryTaxAction = formAction(
  { ...admin, name: 'admin.tax.category.save', schema: categoryTaxSchema, input: ['categoryId', 'zeroRated', 'stripeTaxCode'] },
  async (input, { caller, formData }) => outcome(await saveCategoryTax(caller, input), formData),
)
