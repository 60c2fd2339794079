'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton } from '@/components/ui/form'
import { resetPasswordAction } from '@/lib/auth/actions'
import { NewPasswordFields } from './new-password-fields'

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, null)
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields name="password" state={state} />
      <div>
        <SubmitButton pendingLabel="Saving…">Save new password</SubmitButton>
      </div>
    </form>
  )
}
