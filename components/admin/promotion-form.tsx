'use client'

import { startTransition, useActionState } from 'react'
import { CheckboxField, fieldError, FormMessage, SelectField, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { createPromotionAction, setPromotionActiveAction, updatePromotionAction } from '@/lib/promotions/actions'

export type PromotionFormValues = {
  id: number
  name: string
  code: string
  kind: 'percentage' | 'fixed' | 'free_shipping'
  percent: string
  amount: string
  scope: 'order' | 'items'
  categoryIds: number[]
  productIds: string
  minSubtotal: string
  startsAt: string
  endsAt: string
  usageLimit: string
  onePerCustomer: boolean
  active: boolean
}

const kinds = [
  ['percentage', 'Percentage off'],
  ['fixed', 'Fixed amount off'],
  ['free_shipping', 'Free shipping'],
] as const
const scopes = [
  ['order', 'The whole order'],
  ['items', 'Chosen categories or products'],
] as const

/** Create (no promotion) or edit one. Times are UTC. */
export function PromotionForm({ promotion, categories }: { promotion?: PromotionFormValues; categories: [string, string][] }) {
  const [state, action] = useActionState<ActionState, FormData>(promotion ? updatePromotionAction : createPromotionAction, null)
  const categoryError = fieldError(state, 'categoryIds')
  return (
    <form
      action={action}
      // Submitted by hand so a refusal keeps what the merchant typed and ticked.
      onSubmit={(event) => {
        event.preventDefault()
        const formData = new FormData(event.currentTarget)
        startTransition(() => action(formData))
      }}
      className="flex max-w-2xl flex-col gap-4"
      noValidate
    >
      {promotion && <input type="hidden" name="id" value={promotion.id} />}
      <FormMessage state={state} />
      <TextField
        label="Name"
        name="name"
        state={state}
        defaultValue={promotion?.name}
        required
        maxLength={80}
        hint="Shown to shoppers for automatic promotions."
      />
      <TextField
        label="Code"
        name="code"
        state={state}
        defaultValue={promotion?.code}
        maxLength={40}
        hint="What shoppers type, e.g. WEEKEND20 (any case). Leave empty for an automatic promotion."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Takes off" name="kind" state={state} options={kinds} defaultValue={promotion?.kind ?? 'percentage'} />
        <TextField
          label="Percent off"
          name="percent"
          state={state}
          defaultValue={promotion?.percent}
          inputMode="decimal"
          placeholder="20"
          hint="For a percentage."
        />
        <TextField
          label="Amount off (USD)"
          name="amount"
          state={state}
          defaultValue={promotion?.amount}
          inputMode="decimal"
          placeholder="5.00"
          hint="For a fixed amount."
        />
      </div>
      <SelectField label="Applies to" name="scope" state={state} options={scopes} defaultValue={promotion?.scope ?? 'order'} />
      <fieldset className="flex flex-col gap-1.5" aria-describedby={categoryError ? 'promotion-category-error' : undefined}>
        <legend className="text-sm font-medium text-zinc-900">Categories (when it applies to chosen items)</legend>
        <div className="grid max-h-48 gap-1 overflow-y-auto rounded-xl border border-zinc-200 p-3 sm:grid-cols-2">
          {categories.map(([id, name]) => (
            <label key={id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="categoryIds"
                value={id}
                defaultChecked={promotion?.categoryIds.includes(Number(id))}
                className="size-4 accent-brand-700"
              />
              {name}
            </label>
          ))}
        </div>
        {categoryError && (
          <p id="promotion-category-error" className="text-sm text-red-700">
            {categoryError}
          </p>
        )}
      </fieldset>
      <TextField
        label="Product numbers"
        name="productIds"
        state={state}
        defaultValue={promotion?.productIds}
        hint="Optional, separated by commas (the number in the product’s admin address)."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Minimum subtotal (USD)" name="minSubtotal" state={state} defaultValue={promotion?.minSubtotal} inputMode="decimal" placeholder="50" />
        <TextField
          label="Usage limit"
          name="usageLimit"
          state={state}
          defaultValue={promotion?.usageLimit}
          inputMode="numeric"
          hint="Total uses; empty for no limit."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Starts (UTC)" name="startsAt" type="datetime-local" state={state} defaultValue={promotion?.startsAt} />
        <TextField label="Ends (UTC)" name="endsAt" type="datetime-local" state={state} defaultValue={promotion?.endsAt} />
      </div>
      <CheckboxField label="One use per customer (by email)" name="onePerCustomer" state={state} defaultChecked={promotion?.onePerCustomer ?? false} />
      <CheckboxField label="Active" name="active" state={state} defaultChecked={promotion?.active ?? true} />
      <div>
        <SubmitButton pendingLabel="Saving…">{promotion ? 'Save promotion' : 'Create promotion'}</SubmitButton>
      </div>
    </form>
  )
}

/** Pause a running promotion or resume a paused one. */
export function PromotionActiveButton({ id, name, active }: { id: number; name: string; active: boolean }) {
  const [state, action] = useActionState<ActionState, FormData>(setPromotionActiveAction, null)
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
      <button
        type="submit"
        aria-label={`${active ? 'Pause' : 'Resume'} ${name}`}
        className="self-start rounded-full border border-zinc-300 bg-white px-3 py-1 text-sm font-medium hover:bg-zinc-50"
      >
        {active ? 'Pause' : 'Resume'}
      </button>
    </form>
  )
}
