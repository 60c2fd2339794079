'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import { requestPasswordResetAction } from '@/lib/auth/actions'

export function ForgotPasswordForm() {
  const [state, formAction] = useActionState(requestPasswordResetAction, null)
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} required state={state} />
      <div>
        <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
      </div>
    </form>
  )
}
