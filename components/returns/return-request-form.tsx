'use client'

import { useActionState, useId } from 'react'
import { FormMessage, SelectField, SubmitButton, fieldError, keptValue } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { requestReturnAction } from '@/lib/returns/actions'
import { type ReturnReason, returnReasonLabels } from '@/lib/returns/status'

type Line = { orderItemId: number; name: string; bought: number; returnable: number }

const reasonOptions = Object.entries(returnReasonLabels) as [ReturnReason, string][]

/** Which items and how many, why, and a note. Guests send the order key that opened the page. */
export function ReturnRequestForm({ orderId, accessKey, lines, deadline }: { orderId: number; accessKey?: string; lines: Line[]; deadline: string }) {
  const [state, action] = useActionState<ActionState, FormData>(requestReturnAction, null)
  const noteId = useId()
  if (state?.ok) return <FormMessage state={state} />
  const noteError = fieldError(state, 'note')
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      {accessKey && <input type="hidden" name="key" value={accessKey} />}
      <FormMessage state={state} />
      <p className="text-sm text-zinc-700">Choose how many of each item to send back, by {deadline}.</p>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-zinc-900">Items to return</legend>
        {lines.map((line) => (
          <QuantityField key={line.orderItemId} line={line} defaultValue={keptValue(state, `qty-${line.orderItemId}`) ?? '0'} />
        ))}
      </fieldset>
      <SelectField label="Reason" name="reason" state={state} options={reasonOptions} placeholder="Choose a reason" />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={noteId} className="text-sm font-medium text-zinc-900">
          Note (optional)
        </label>
        <textarea
          id={noteId}
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={keptValue(state, 'note')}
          aria-invalid={noteError ? true : undefined}
          className="w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 text-base sm:text-sm"
        />
        {noteError && <p className="text-sm text-red-700">{noteError}</p>}
      </div>
      <div>
        <SubmitButton pendingLabel="Sending…">Request return</SubmitButton>
      </div>
    </form>
  )
}

function QuantityField({ line, defaultValue }: { line: Line; defaultValue: string }) {
  const id = useId()
  const already = line.bought - line.returnable
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <input
        id={id}
        name={`qty-${line.orderItemId}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={line.returnable}
        defaultValue={defaultValue}
        className="w-20 rounded-xl border border-zinc-300 bg-white px-3 py-2 text-base sm:text-sm"
      />
      <label htmlFor={id}>
        {line.name}{' '}
        <span className="text-zinc-600">
          (up to {line.returnable}
          {already > 0 ? `; ${already} already in a return` : ''})
        </span>
      </label>
    </div>
  )
}
