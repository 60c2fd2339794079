'use client'

import { useActionState } from 'react'
import { AddressFields, type AddressFormValues } from '@/components/account/address-form'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { payDemoCheckoutAction } from '@/lib/payments/actions'

export function DemoPaymentForm({ sessionId, email, address, payLabel }: { sessionId: string; email: string; address: Partial<AddressFormValues> | null; payLabel: string }) {
  const [state, action] = useActionState<ActionState, FormData>(payDemoCheckoutAction, null)
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold">Contact</legend>
        <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={email} state={state} />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold">Shipping address</legend>
        <AddressFields address={address} state={state} />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold">Card</legend>
        <TextField label="Card number" name="cardNumber" inputMode="numeric" autoComplete="off" placeholder="4242 4242 4242 4242" required state={state} />
        <div className="grid grid-cols-2 gap-4">
          <TextField label="Expiry (MM / YY)" name="expiry" autoComplete="off" placeholder="12 / 34" required state={state} />
          <TextField label="Security code" name="cvc" inputMode="numeric" autoComplete="off" placeholder="123" required state={state} />
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Processing…">{payLabel}</SubmitButton>
    </form>
  )
}
