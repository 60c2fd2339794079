'use client'

import { type ReactNode, useActionState } from 'react'
import { useFormStatus } from 'react-dom'
import { CheckboxField, FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { AddressFields, type AddressFormValues } from '@/components/account/address-form'
import {
  cancelOrderAction,
  correctAddressAction,
  markDeliveredAction,
  markShippedAction,
  type RefundFormState,
  refundOrderAction,
  resendConfirmationAction,
} from '@/lib/admin/orders/actions'

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

const orderButtons = {
  deliver: { action: markDeliveredAction, label: 'Mark delivered', pendingLabel: 'Saving…', variant: 'secondary' },
  cancel: { action: cancelOrderAction, label: 'Cancel order', pendingLabel: 'Saving…', variant: 'danger' },
  resend: { action: resendConfirmationAction, label: 'Resend confirmation email', pendingLabel: 'Sending…', variant: 'secondary' },
} as const

/** A one-click order action: mark delivered, cancel, or send the confirmation again. */
export function TransitionButton({ orderId, kind }: { orderId: number; kind: keyof typeof orderButtons }) {
  const button = orderButtons[kind]
  const [state, action] = useActionState<ActionState, FormData>(button.action, null)
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel={button.pendingLabel} variant={button.variant}>
          {button.label}
        </SubmitButton>
      </div>
    </form>
  )
}

/** One of the confirm step's two answers; says which one is on its way. */
function IntentButton({ intent, pendingLabel, children }: { intent: 'confirm' | 'cancel'; pendingLabel: string; children: ReactNode }) {
  const { pending, data } = useFormStatus()
  const tone = intent === 'confirm' ? 'bg-red-700 text-white hover:bg-red-800' : 'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50'
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      className={`inline-flex items-center justify-center rounded-full px-5 py-2.5 text-sm font-semibold disabled:cursor-wait disabled:opacity-70 ${tone}`}
    >
      {pending && data?.get('intent') === intent ? pendingLabel : children}
    </button>
  )
}

/**
 * Refunds in two steps, so one click never sends money: the first submit shows the amount to
 * confirm ("Refund $12.00 to the customer?"), the second sends it. Nothing is prefilled. Both
 * steps are plain form posts, so it works without JavaScript.
 */
/** `restockable` false for a cancelled order, whose stock went back when it was cancelled. */
export function RefundForm({ orderId, refundable, currency, restockable }: { orderId: number; refundable: string; currency: string; restockable: boolean }) {
  const [state, action] = useActionState<RefundFormState, FormData>(refundOrderAction, null)
  if (state?.ok && state.confirm) {
    const { amount = '', reason = '', restock } = state.confirm.values
    return (
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="amount" value={amount} />
        <input type="hidden" name="reason" value={reason} />
        {restock !== undefined && <input type="hidden" name="restock" value={restock} />}
        <div role="alert" className="flex flex-col gap-3 rounded-xl border border-red-200 bg-red-50 p-4">
          <p className="text-sm font-semibold text-red-900">{state.confirm.question}</p>
          {reason && <p className="text-sm text-red-900">Reason: {reason}</p>}
          <div className="flex flex-wrap gap-2">
            <IntentButton intent="confirm" pendingLabel="Refunding…">
              Confirm refund
            </IntentButton>
            <IntentButton intent="cancel" pendingLabel="Cancelling…">
              Cancel
            </IntentButton>
          </div>
        </div>
      </form>
    )
  }
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <FormMessage state={state} />
      <TextField
        label={`Amount to refund (${currency})`}
        name="amount"
        state={state}
        inputMode="decimal"
        hint={`Up to ${refundable}. A line's refund is what it was paid after discounts (the items table's line total). You confirm the amount before anything is sent.`}
      />
      <TextField label="Reason" name="reason" state={state} maxLength={500} />
      {restockable && (
        <CheckboxField
          label="Put the items back in stock when the order is refunded in full (for part of an order, adjust stock on the product)"
          name="restock"
          state={state}
        />
      )}
      <div>
        <SubmitButton pendingLabel="Checking…" variant="danger">
          Refund
        </SubmitButton>
      </div>
    </form>
  )
}

/** Corrects a paid order's address before it ships; closed until the merchant opens it. */
export function CorrectAddressForm({ orderId, address }: { orderId: number; address: Partial<AddressFormValues> | null }) {
  const [state, action] = useActionState<ActionState, FormData>(correctAddressAction, null)
  return (
    <details className="rounded-lg border border-zinc-200 p-3 text-sm" open={state?.ok === false}>
      <summary className="cursor-pointer font-medium">Correct the shipping address</summary>
      <form action={action} className="mt-3 flex flex-col gap-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="orderId" value={orderId} />
        <AddressFields address={address} state={state} />
        <div>
          <SubmitButton pendingLabel="Saving…" variant="secondary">
            Save address
          </SubmitButton>
        </div>
      </form>
    </details>
  )
}
