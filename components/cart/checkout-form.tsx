'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { checkoutAction } from '@/lib/orders/actions'

/** Guests give the email for their receipt; signed-in shoppers check out with their account's. */
export function CheckoutForm({ accountEmail, disabled }: { accountEmail: string | null; disabled: boolean }) {
  const [state, action] = useActionState<ActionState, FormData>(checkoutAction, null)
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormMessage state={state} />
      {accountEmail ? (
        <p className="text-sm text-zinc-700">
          Your receipt goes to <span className="font-medium text-zinc-900">{accountEmail}</span>.
        </p>
      ) : (
        <TextField label="Email for your receipt" name="email" type="email" autoComplete="email" required state={state} />
      )}
      {disabled ? (
        <p className="text-sm text-zinc-700">Fix the items marked above to check out.</p>
      ) : (
        <SubmitButton pendingLabel="Opening the payment page…">Check out</SubmitButton>
      )}
    </form>
  )
}
