'use client'

import { useActionState } from 'react'
import { CheckboxField, FormMessage, SubmitButton, TextAreaField, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { closeReturnAction, decideReturnAction, receiveReturnAction, refundReturnAction } from '@/lib/returns/admin-actions'

/** Approve or reject, with a message the shopper reads (required to reject). */
export function ReturnDecisionForm({ returnId }: { returnId: number }) {
  const [state, action] = useActionState<ActionState, FormData>(decideReturnAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="returnId" value={returnId} />
      <FormMessage state={state} />
      <TextAreaField label="Message to the shopper" name="message" state={state} rows={3} maxLength={1000} />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="decision"
          value="approve"
          className="rounded-full bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Approve return
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          className="rounded-full border border-zinc-300 bg-white px-5 py-2.5 text-sm font-semibold text-zinc-900 hover:bg-zinc-50"
        >
          Reject return
        </button>
      </div>
    </form>
  )
}

/** The items arrived: one "put back in stock" box per returned line, unless the order's items are back already. */
export function ReceiveReturnForm({
  returnId,
  items,
  stockAlreadyBack,
}: {
  returnId: number
  items: { id: number; name: string; quantity: number }[]
  stockAlreadyBack: boolean
}) {
  const [state, action] = useActionState<ActionState, FormData>(receiveReturnAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="returnId" value={returnId} />
      <FormMessage state={state} />
      {stockAlreadyBack ? (
        <p className="text-sm text-zinc-700">These items are already back in stock: the order was refunded in full with its items restocked.</p>
      ) : (
        items.map((item) => (
          <CheckboxField key={item.id} name={`restock-${item.id}`} state={state} label={`Put ${item.quantity} × ${item.name} back in stock`} />
        ))
      )}
      <div>
        <SubmitButton pendingLabel="Saving…">Mark items received</SubmitButton>
      </div>
    </form>
  )
}

/** The returned lines' value, prefilled; the merchant may lower it, the server refuses more. */
export function RefundReturnForm({ returnId, amount, max }: { returnId: number; amount: string; max: string }) {
  const [state, action] = useActionState<ActionState, FormData>(refundReturnAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="returnId" value={returnId} />
      <FormMessage state={state} />
      <TextField
        label="Amount to refund (USD)"
        name="amount"
        state={state}
        defaultValue={amount}
        inputMode="decimal"
        hint={`At most ${max}: the returned lines, within what the order has left to refund.`}
      />
      <div>
        <SubmitButton pendingLabel="Refunding…" variant="danger">
          Refund return
        </SubmitButton>
      </div>
    </form>
  )
}

/** Closes the return without a refund; the shopper is told why. */
export function CloseReturnForm({ returnId }: { returnId: number }) {
  const [state, action] = useActionState<ActionState, FormData>(closeReturnAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="returnId" value={returnId} />
      <FormMessage state={state} />
      <TextAreaField label="Message to the shopper" name="message" state={state} rows={3} maxLength={1000} />
      <div>
        <SubmitButton pendingLabel="Closing…" variant="secondary">
          Close without refund
        </SubmitButton>
      </div>
    </form>
  )
}
