'use client'

import { useActionState } from 'react'
import { CheckboxField, FormMessage, SelectField, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { deleteTaxRateAction, saveCategoryTaxAction, saveTaxRateAction } from '@/lib/tax/actions'

export function TaxRateForm({ countries }: { countries: readonly (readonly [string, string])[] }) {
  const [state, action] = useActionState<ActionState, FormData>(saveTaxRateAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Country" name="country" state={state} options={countries} placeholder="Choose…" />
        <TextField label="State or region" name="region" state={state} hint="Empty: the whole country." maxLength={100} />
        <TextField label="Tax name" name="name" state={state} hint="Shown to shoppers, like VAT." maxLength={40} />
        <TextField label="Rate (%)" name="rate" state={state} inputMode="decimal" hint="From 0 to 100, like 20 or 8.875." />
      </div>
      <CheckboxField label="Shipping is taxed too" name="shippingTaxable" state={state} defaultChecked />
      <div>
        <SubmitButton pendingLabel="Saving…">Save rate</SubmitButton>
      </div>
    </form>
  )
}

export function DeleteTaxRateForm({ rate }: { rate: { id: number; label: string } }) {
  const [state, action] = useActionState<ActionState, FormData>(deleteTaxRateAction, null)
  return (
    <form action={action} className="flex flex-col gap-1">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={rate.id} />
      <div>
        <SubmitButton pendingLabel="Deleting…" variant="secondary" size="sm">
          Delete<span className="sr-only"> the rate for {rate.label}</span>
        </SubmitButton>
      </div>
    </form>
  )
}

export function CategoryTaxForm({ category }: { category: { id: number; name: string; zeroRated: boolean; stripeTaxCode: string | null } }) {
  const [state, action] = useActionState<ActionState, FormData>(saveCategoryTaxAction, null)
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label={`Tax of ${category.name}`}>
      <input type="hidden" name="categoryId" value={category.id} />
      <span className="w-48 font-medium">{category.name}</span>
      <CheckboxField label="Zero-rated" name="zeroRated" state={state} defaultChecked={category.zeroRated} />
      <TextField
        label="Stripe tax code"
        name="stripeTaxCode"
        state={state}
        defaultValue={category.stripeTaxCode ?? ''}
        placeholder="txcd_99999999"
        maxLength={13}
      />
      <SubmitButton pendingLabel="Saving…" variant="secondary" size="sm">
        Save<span className="sr-only"> {category.name}</span>
      </SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  )
}
