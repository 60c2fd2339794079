'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formAction } from '@/lib/define-action'
import { setOptOut } from '@/lib/mail/opt-outs'

/** The profile's checkbox: an unchecked box is not submitted, so its absence means "no reminders". */
export const updateCartReminderPreferenceAction = formAction(
  {
    name: 'cart-reminders.preference',
    access: 'user',
    returnTo: '/account/profile',
    schema: z.object({ cartReminders: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()) }),
    input: ['cartReminders'],
  },
  async ({ cartReminders }, { caller }) => {
    await setOptOut(caller.email, 'cart-reminders', !cartReminders)
    revalidatePath('/account/profile')
    return { ok: true as const, message: cartReminders ? 'We may send you one reminder about a cart you left.' : 'You will get no cart reminders.' }
  },
)
