'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { failure } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { setUserRole } from './service'

const roleChangeSchema = z.object({
  userId: z.string({ error: 'That account no longer exists.' }).trim().min(1, 'That account no longer exists.').max(100),
  role: z.enum(['customer', 'admin'], { error: 'Choose admin or customer.' }),
})

export const setRoleAction = formAction(
  { name: 'admin.customer.set-role', access: 'admin', returnTo: '/admin/customers', schema: roleChangeSchema, input: ['userId', 'role'] },
  async ({ userId, role }, { caller }) => {
    const result = await setUserRole(caller, userId, role)
    if (!result.ok) return failure(result.error)
    revalidatePath('/admin/customers', 'layout')
    return result
  },
)
