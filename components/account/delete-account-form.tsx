'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import { deleteAccountAction } from '@/lib/account/actions'

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction] = useActionState(deleteAccountAction, null)
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      {hasPassword && (
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" maxLength={256} required state={state} />
      )}
      <TextField label="Type DELETE to confirm" name="confirm" autoComplete="off" spellCheck={false} maxLength={6} required state={state} />
      <div>
        <SubmitButton variant="danger" pendingLabel="Deleting…">
          Delete my account
        </SubmitButton>
      </div>
    </form>
  )
}
