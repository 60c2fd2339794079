'use client'

import { useActionState } from 'react'
import { CheckboxField, FormMessage, SubmitButton } from '@/components/ui/form'
import { updateCartReminderPreferenceAction } from '@/lib/cart-reminders/actions'

export function MailPreferencesForm({ cartReminders }: { cartReminders: boolean }) {
  const [state, action] = useActionState(updateCartReminderPreferenceAction, null)
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <CheckboxField label="Email me one reminder when I leave items in my cart" name="cartReminders" defaultChecked={cartReminders} state={state} />
      <div>
        <SubmitButton pendingLabel="Saving…">Save email preferences</SubmitButton>
      </div>
    </form>
  )
}
