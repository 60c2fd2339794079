'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { lookupOrderAction } from '@/lib/orders/actions'

export function OrderLookupForm() {
  const [state, action] = useActionState<ActionState, FormData>(lookupOrderAction, null)
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <TextField label="Order number" name="orderNumber" placeholder="#10001" required state={state} />
      <TextField label="Email used for the order" name="email" type="email" autoComplete="email" required state={state} />
      <div>
        <SubmitButton pendingLabel="Looking…">Find my order</SubmitButton>
      </div>
    </form>
  )
}
