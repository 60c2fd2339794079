'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextAreaField, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { checkoutAction } from '@/lib/orders/actions'
import { ORDER_NOTE_MAX } from '@/lib/orders/note'

/** Guests give the email for their receipt; signed-in shoppers check out with their account's. */
export function CheckoutForm({
  accountEmail,
  disabled,
  shipping,
}: {
  accountEmail: string | null
  disabled: boolean
  /** The destination and method the cart priced; the server checks them again. */
  shipping?: { country: string; region: string; methodId: number | null }
}) {
  const [state, action] = useActionState<ActionState, FormData>(checkoutAction, null)
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormMessage state={state} />
      {shipping && (
        <>
          <input type="hidden" name="country" value={shipping.country} />
          <input type="hidden" name="region" value={shipping.region} />
          <input type="hidden" name="shippingMethodId" value={shipping.methodId ?? ''} />
        </>
      )}
      {accountEmail ? (
        <p className="text-sm text-zinc-700">
          Your receipt goes to <span className="font-medium text-zinc-900">{accountEmail}</span>.
        </p>
      ) : (
        <TextField label="Email for your receipt" name="email" type="email" autoComplete="email" required state={state} />
      )}
      <TextAreaField
        label="Note for us (optional)"
        name="note"
        rows={2}
        maxLength={ORDER_NOTE_MAX}
        state={state}
        hint="Delivery instructions or a gift message."
      />
      {disabled ? (
        <p className="text-sm text-zinc-700">Fix the items marked above to check out.</p>
      ) : (
        <SubmitButton pendingLabel="Opening the payment page…">Check out</SubmitButton>
      )}
    </form>
  )
}
