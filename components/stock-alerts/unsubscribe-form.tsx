'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton } from '@/components/ui/form'
import { unsubscribeAction } from '@/lib/mail/unsubscribe-action'

/** The confirm button of an unsubscribe link (a click, so mail scanners that follow links unsubscribe nobody). */
export function UnsubscribeForm({ token }: { token: string }) {
  const [state, action] = useActionState(unsubscribeAction, null)
  if (state?.ok) return <FormMessage state={state} />
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <div>
        <SubmitButton pendingLabel="Unsubscribing…">Unsubscribe</SubmitButton>
      </div>
    </form>
  )
}
