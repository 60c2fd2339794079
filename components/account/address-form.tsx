'use client'

import { useActionState } from 'react'
import type { ActionState } from '@/lib/action-state'
import { CheckboxField, FormMessage, SelectField, SubmitButton, TextField } from '@/components/ui/form'
import { saveAddressAction } from '@/lib/account/actions'
import { shippingCountries } from '@/lib/account/validation'

export type AddressFormValues = {
  id: number
  fullName: string
  line1: string
  line2: string
  city: string
  region: string
  postalCode: string
  country: string
  phone: string
  isDefault: boolean
}

/** Adds an address, or edits one when `address` is given. */
export function AddressForm({ address }: { address?: AddressFormValues }) {
  const [state, formAction] = useActionState(saveAddressAction, null)
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      {address && <input type="hidden" name="addressId" value={address.id} />}
      <AddressFields address={address} state={state} />
      <CheckboxField label="Use as my default address" name="isDefault" defaultChecked={address?.isDefault} state={state} />
      <div>
        <SubmitButton pendingLabel="Saving…">Save address</SubmitButton>
      </div>
    </form>
  )
}

/** The postal address inputs, shared by the address book and the demo checkout page. */
export function AddressFields({ address, state }: { address?: Partial<AddressFormValues> | null; state: ActionState }) {
  return (
    <>
      <TextField label="Full name" name="fullName" autoComplete="name" maxLength={100} required defaultValue={address?.fullName} state={state} />
      <TextField label="Street address" name="line1" autoComplete="address-line1" maxLength={200} required defaultValue={address?.line1} state={state} />
      <TextField label="Apartment, suite (optional)" name="line2" autoComplete="address-line2" maxLength={200} defaultValue={address?.line2} state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="City" name="city" autoComplete="address-level2" maxLength={100} required defaultValue={address?.city} state={state} />
        <TextField label="State / region (optional)" name="region" autoComplete="address-level1" maxLength={100} defaultValue={address?.region} state={state} />
        <TextField label="Postal code" name="postalCode" autoComplete="postal-code" maxLength={20} required defaultValue={address?.postalCode} state={state} />
        <SelectField
          label="Country"
          name="country"
          autoComplete="country"
          options={shippingCountries}
          placeholder="Choose a country"
          defaultValue={address?.country}
          state={state}
        />
      </div>
      <TextField label="Phone (optional)" name="phone" type="tel" autoComplete="tel" maxLength={30} defaultValue={address?.phone} state={state} />
    </>
  )
}
