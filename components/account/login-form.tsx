'use client'

import { Link } from '@/components/ui/link'
import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import { loginAction } from '@/lib/auth/actions'

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(loginAction, null)
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} required state={state} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" maxLength={256} required state={state} />
      <p className="text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <div>
        <SubmitButton pendingLabel="Logging in…">Log in</SubmitButton>
      </div>
    </form>
  )
}
