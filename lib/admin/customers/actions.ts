'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { type ActionState, failure, formObject, invalid } from '@/lib/action-state'
import { requireAdmin } from '@/lib/auth/session'
import { setUserRole } from './service'

const roleChangeSchema = z.object({
  userId: z.string({ error: 'That account no longer exists.' }).trim().min(1, 'That account no longer exists.').max(100),
  role: z.enum(['customer', 'admin'], { error: 'Choose admin or customer.' }),
})

export async function setRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/customers')
  const parsed = roleChangeSchema.safeParse(formObject(formData, ['userId', 'role']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const result = await setUserRole(admin, parsed.data.userId, parsed.data.role)
  if (!result.ok) return failure(result.error)
  revalidatePath('/admin/customers', 'layout')
  return result
}
