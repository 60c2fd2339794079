'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import { registerAction } from '@/lib/auth/actions'
import { PASSWORD_MIN } from '@/lib/auth/validation'

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(registerAction, null)
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Name" name="name" autoComplete="name" maxLength={100} required state={state} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} required state={state} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        maxLength={256}
        required
        hint={`At least ${PASSWORD_MIN} characters`}
        state={state}
      />
      <div>
        <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
      </div>
    </form>
  )
}
