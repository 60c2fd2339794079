'use client'

import { useActionState } from 'react'
import { CheckboxField, FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { saveStoreSettingsAction } from '@/lib/settings/actions'
import type { StoreSettings } from '@/lib/settings/queries'

export function StoreSettingsForm({ settings }: { settings: StoreSettings }) {
  const [state, action] = useActionState<ActionState, FormData>(saveStoreSettingsAction, null)
  return (
    <form action={action} className="flex max-w-xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">Returns</legend>
        <TextField
          label="Return window (days)"
          name="returnWindowDays"
          inputMode="numeric"
          state={state}
          defaultValue={String(settings.returnWindowDays)}
          hint="How long after delivery a shopper may ask to return items. 0: no returns. The home page states it."
        />
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">Cart reminders</legend>
        <CheckboxField
          label="Email shoppers who leave items in their cart"
          name="cartRemindersEnabled"
          state={state}
          defaultChecked={settings.cartRemindersEnabled}
        />
        <TextField
          label="Send after (hours)"
          name="cartReminderDelayHours"
          inputMode="numeric"
          state={state}
          defaultValue={String(settings.cartReminderDelayHours)}
          hint="How long a cart sits untouched before its one reminder, from 1 to 720."
        />
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">Stock</legend>
        <TextField
          label="Low stock at (units)"
          name="lowStockThreshold"
          inputMode="numeric"
          state={state}
          defaultValue={String(settings.lowStockThreshold)}
          hint="A variant with this many or fewer left shows “Only N left” on its product page and counts as low in the admin. 0: no “Only N left”, and the admin lists sold-out variants only."
        />
      </fieldset>
      <div>
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
      </div>
    </form>
  )
}
