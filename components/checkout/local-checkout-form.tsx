'use client'

import { useActionState } from 'react'
import { AddressFields, type AddressFormValues } from '@/components/account/address-form'
import { AddressLines } from '@/components/account/address-lines'
import { CheckboxField, FormMessage, SubmitButton, TextField, keptValue } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { confirmFreeCheckoutAction, payDemoCheckoutAction } from '@/lib/payments/actions'

type SavedAddress = AddressFormValues

/**
 * The form of the checkout pages the shop runs itself: the demo provider's payment page (with
 * card fields) and the confirmation of an order with nothing to pay (without). A signed-in shopper's saved addresses are offered first (the
 * default chosen); "A new address" shows the fields, with an offer to save it. The fields appear
 * by CSS (`:has(:checked)`), so choosing works without JavaScript too.
 */
export function LocalCheckoutForm({
  provider,
  sessionId,
  email,
  address,
  savedAddresses,
  canSaveAddress,
  payLabel,
}: {
  provider: 'demo' | 'free'
  sessionId: string
  email: string
  address: Partial<AddressFormValues> | null
  savedAddresses: SavedAddress[]
  canSaveAddress: boolean
  payLabel: string
}) {
  const [state, action] = useActionState<ActionState, FormData>(provider === 'demo' ? payDemoCheckoutAction : confirmFreeCheckoutAction, null)
  const preferred = savedAddresses.find((saved) => saved.isDefault) ?? savedAddresses[0]
  const chosen = keptValue(state, 'savedAddress') ?? (preferred ? String(preferred.id) : 'new')
  const newAddress = (
    <>
      <AddressFields address={address} state={state} />
      {canSaveAddress && <CheckboxField label="Save this address" name="saveAddress" state={state} />}
    </>
  )
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <FormMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold">Contact</legend>
        <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={email} state={state} />
      </fieldset>
      {savedAddresses.length > 0 ? (
        <fieldset className="group/address flex flex-col gap-3">
          <legend className="mb-2 text-base font-semibold">Ship to</legend>
          {/* Keyed by the choice: React sets a radio's defaultChecked only when it mounts. */}
          <div key={chosen} className="flex flex-col gap-2">
            {savedAddresses.map((saved) => (
              <label
                key={saved.id}
                className="flex cursor-pointer gap-3 rounded-xl border border-zinc-300 p-3 has-checked:border-brand-600 has-checked:bg-brand-50"
              >
                <input type="radio" name="savedAddress" value={saved.id} defaultChecked={chosen === String(saved.id)} className="mt-1 accent-brand-700" />
                <span className="flex flex-col gap-1">
                  {saved.isDefault && <span className="text-xs font-semibold text-brand-700">Default address</span>}
                  <AddressLines address={saved} />
                </span>
              </label>
            ))}
            <label className="flex cursor-pointer items-center gap-3 rounded-xl border border-zinc-300 p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
              <input type="radio" name="savedAddress" value="new" defaultChecked={chosen === 'new'} data-new-address="" className="accent-brand-700" />
              <span className="text-sm font-medium text-zinc-900">A new address</span>
            </label>
          </div>
          <div className="hidden flex-col gap-4 group-has-[[data-new-address]:checked]/address:flex">{newAddress}</div>
        </fieldset>
      ) : (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-base font-semibold">Shipping address</legend>
          {newAddress}
        </fieldset>
      )}
      {provider === 'demo' && (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-base font-semibold">Card</legend>
          <TextField label="Card number" name="cardNumber" inputMode="numeric" autoComplete="off" placeholder="4242 4242 4242 4242" required state={state} />
          <div className="grid grid-cols-2 gap-4">
            <TextField label="Expiry (MM / YY)" name="expiry" autoComplete="off" placeholder="12 / 34" required state={state} />
            <TextField label="Security code" name="cvc" inputMode="numeric" autoComplete="off" placeholder="123" required state={state} />
          </div>
        </fieldset>
      )}
      <SubmitButton pendingLabel="Processing…">{payLabel}</SubmitButton>
    </form>
  )
}
