'use server'

import { revalidatePath } from 'next/cache'
import { type ActionState, submittedValues } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { createMethod, createZone, deleteMethod, deleteZone, type ShippingResult, updateMethod, updateZone } from './service'
import { deleteSchema, methodFields, methodSchema, updateMethodSchema, updateZoneSchema, zoneSchema } from './validation'

function outcome(result: ShippingResult, formData: FormData): ActionState {
  if (!result.ok) return { ...result, values: submittedValues(formData) }
  // The admin page lists what was just saved; the cart reads these rules per request.
  revalidatePath('/admin/shipping')
  return result
}

const admin = { access: 'admin', returnTo: '/admin/shipping' } as const
const zoneInput = (formData: FormData) => ({ id: formData.get('id') ?? undefined, name: formData.get('name') ?? undefined, countries: formData.getAll('countries') })

export const createZoneAction = formAction({ ...admin, name: 'admin.shipping.zone.create', schema: zoneSchema, input: zoneInput }, async (input, { caller, formData }) =>
  outcome(await createZone(caller, input), formData),
)

export const updateZoneAction = formAction({ ...admin, name: 'admin.shipping.zone.update', schema: updateZoneSchema, input: zoneInput }, async (input, { caller, formData }) =>
  outcome(await updateZone(caller, input), formData),
)

export const deleteZoneAction = formAction({ ...admin, name: 'admin.shipping.zone.delete', schema: deleteSchema, input: ['id'] }, async ({ id }, { caller, formData }) =>
  outcome(await deleteZone(caller, id), formData),
)

export const createMethodAction = formAction({ ...admin, name: 'admin.shipping.method.create', schema: methodSchema, input: methodFields }, async (input, { caller, formData }) =>
  outcome(await createMethod(caller, input), formData),
)

export const updateMethodAction = formAction({ ...admin, name: 'admin.shipping.method.update', schema: updateMethodSchema, input: [...methodFields, 'id'] }, async (input, { caller, formData }) =>
  outcome(await updateMethod(caller, input), formData),
)

export const deleteMethodAction = formAction({ ...admin, name: 'admin.shipping.method.delete', schema: deleteSchema, input: ['id'] }, async ({ id }, { caller, formData }) =>
  outcome(await deleteMethod(caller, id), formData),
)
