'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { setRoleAction } from '@/lib/admin/customers/actions'

export function RoleForm({ userId, role, email }: { userId: string; role: 'customer' | 'admin'; email: string }) {
  const [state, action] = useActionState<ActionState, FormData>(setRoleAction, null)
  const next = role === 'admin' ? 'customer' : 'admin'
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={next} />
      <FormMessage state={state} />
      <p className="text-sm text-zinc-700">
        {role === 'admin' ? `${email} can run the shop from /admin.` : `${email} is a customer.`} The change counts on their very next request.
      </p>
      <div>
        <SubmitButton pendingLabel="Saving…" variant={role === 'admin' ? 'danger' : 'primary'}>
          {role === 'admin' ? 'Demote to customer' : 'Promote to admin'}
        </SubmitButton>
      </div>
    </form>
  )
}
