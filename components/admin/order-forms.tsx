'use client'

import { useActionState } from 'react'
import { CheckboxField, FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { cancelOrderAction, markDeliveredAction, markShippedAction, refundOrderAction } from '@/lib/admin/orders/actions'

export function ShipOrderForm({ orderId }: { orderId: number }) {
  const [state, action] = useActionState<ActionState, FormData>(markShippedAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Carrier" name="carrier" state={state} placeholder="UPS" maxLength={60} />
        <TextField label="Tracking number" name="trackingNumber" state={state} maxLength={64} />
      </div>
      <div>
        <SubmitButton pendingLabel="Saving…">Mark shipped</SubmitButton>
      </div>
    </form>
  )
}

export function TransitionButton({ orderId, kind }: { orderId: number; kind: 'deliver' | 'cancel' }) {
  const [state, action] = useActionState<ActionState, FormData>(kind === 'deliver' ? markDeliveredAction : cancelOrderAction, null)
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Saving…" variant={kind === 'cancel' ? 'danger' : 'secondary'}>
          {kind === 'deliver' ? 'Mark delivered' : 'Cancel order'}
        </SubmitButton>
      </div>
    </form>
  )
}

export function RefundForm({ orderId, refundable }: { orderId: number; refundable: string }) {
  const [state, action] = useActionState<ActionState, FormData>(refundOrderAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <FormMessage state={state} />
      <TextField label="Amount to refund (USD)" name="amount" state={state} defaultValue={refundable} inputMode="decimal" hint={`At most ${refundable}.`} />
      <TextField label="Reason" name="reason" state={state} maxLength={500} />
      <CheckboxField label="Put the items back in stock when the order is refunded in full (for part of an order, adjust stock on the product)" name="restock" state={state} />
      <div>
        <SubmitButton pendingLabel="Refunding…" variant="danger">
          Refund
        </SubmitButton>
      </div>
    </form>
  )
}
