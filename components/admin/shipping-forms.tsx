'use client'

import { useActionState, useId } from 'react'
import { CheckboxField, fieldError, FormMessage, SelectField, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { createMethodAction, createZoneAction, deleteMethodAction, deleteZoneAction, updateMethodAction, updateZoneAction } from '@/lib/shipping/actions'

type Country = readonly [code: string, name: string]

function CountryChoices({ countries, chosen, state }: { countries: readonly Country[]; chosen: readonly string[]; state: ActionState }) {
  const id = useId()
  const error = fieldError(state, 'countries')
  const kept = state?.ok === false && state.values ? null : chosen
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-zinc-900">Countries</legend>
      <div className="grid grid-cols-2 gap-1 sm:grid-cols-4">
        {countries.map(([code, name]) => (
          <label key={code} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="countries" value={code} defaultChecked={kept ? kept.includes(code) : false} className="size-4 accent-brand-700" />
            {name}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  )
}

export function ZoneForm({ countries, zone }: { countries: readonly Country[]; zone?: { id: number; name: string; countries: string[] } }) {
  const [state, action] = useActionState<ActionState, FormData>(zone ? updateZoneAction : createZoneAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      {zone && <input type="hidden" name="id" value={zone.id} />}
      <TextField label="Zone name" name="name" state={state} defaultValue={zone?.name} maxLength={100} />
      <CountryChoices countries={countries} chosen={zone?.countries ?? []} state={state} />
      <div>
        <SubmitButton pendingLabel="Saving…">{zone ? 'Save zone' : 'Create zone'}</SubmitButton>
      </div>
    </form>
  )
}

export function DeleteZoneForm({ zone }: { zone: { id: number; name: string } }) {
  const [state, action] = useActionState<ActionState, FormData>(deleteZoneAction, null)
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={zone.id} />
      <div>
        <SubmitButton pendingLabel="Deleting…" variant="danger" size="sm">
          Delete zone {zone.name}
        </SubmitButton>
      </div>
    </form>
  )
}

export type MethodFormData = {
  id: number
  name: string
  price: string
  freeOver: string
  bandBasis: '' | 'weight' | 'subtotal'
  bands: string
  minDeliveryDays: number
  maxDeliveryDays: number
  active: boolean
}

const basisOptions = [
  ['', 'Flat price'],
  ['weight', 'By weight (grams)'],
  ['subtotal', 'By subtotal (dollars)'],
] as const

export function MethodForm({ zoneId, method }: { zoneId: number; method?: MethodFormData }) {
  const [state, action] = useActionState<ActionState, FormData>(method ? updateMethodAction : createMethodAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="zoneId" value={zoneId} />
      {method && <input type="hidden" name="id" value={method.id} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Method name" name="name" state={state} defaultValue={method?.name} maxLength={100} />
        <TextField label="Price ($)" name="price" state={state} defaultValue={method?.price ?? ''} inputMode="decimal" />
        <TextField label="Free over ($)" name="freeOver" state={state} defaultValue={method?.freeOver ?? ''} inputMode="decimal" hint="Empty: never free." />
        <TextField
          label="Fastest delivery (days)"
          name="minDeliveryDays"
          state={state}
          defaultValue={String(method?.minDeliveryDays ?? 3)}
          inputMode="numeric"
        />
        <TextField
          label="Slowest delivery (days)"
          name="maxDeliveryDays"
          state={state}
          defaultValue={String(method?.maxDeliveryDays ?? 7)}
          inputMode="numeric"
        />
        <SelectField label="Pricing" name="bandBasis" state={state} options={basisOptions} defaultValue={method?.bandBasis ?? ''} />
      </div>
      <BandsField state={state} defaultValue={method?.bands ?? ''} />
      <CheckboxField label="Offered to shoppers" name="active" state={state} defaultChecked={method?.active ?? true} />
      <div>
        <SubmitButton pendingLabel="Saving…">{method ? 'Save method' : 'Add method'}</SubmitButton>
      </div>
    </form>
  )
}

function BandsField({ state, defaultValue }: { state: ActionState; defaultValue: string }) {
  const id = useId()
  const error = fieldError(state, 'bands')
  const value = state?.ok === false ? (state.values?.bands ?? defaultValue) : defaultValue
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-900">
        Bands
      </label>
      <textarea
        id={id}
        name="bands"
        rows={3}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className="w-full rounded-xl border border-zinc-300 px-3 py-2 font-mono text-sm"
      />
      <p id={`${id}-hint`} className="text-sm text-zinc-600">
        With weight or subtotal pricing, one band a line: “from-to price”, like “0-1000 4.95” and “1000- 9.95” (grams), or “0-50 6.95” (dollars). Bands start at
        0 and do not overlap; an order outside every band is not offered this method.
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

export function DeleteMethodForm({ method }: { method: { id: number; name: string } }) {
  const [state, action] = useActionState<ActionState, FormData>(deleteMethodAction, null)
  return (
    <form action={action} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={method.id} />
      <div>
        <SubmitButton pendingLabel="Deleting…" variant="secondary" size="sm">
          Delete {method.name}
        </SubmitButton>
      </div>
    </form>
  )
}
