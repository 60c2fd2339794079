'use client'

import { type ReactNode, useActionState } from 'react'
import { SubmitButton } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'

/** One button acting on a saved address ("Make default", "Delete"), saying why when it is refused. */
export function AddressActionButton({
  action,
  addressId,
  pendingLabel,
  children,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>
  addressId: number
  pendingLabel: string
  children: ReactNode
}) {
  const [state, dispatch] = useActionState(action, null)
  return (
    <form action={dispatch}>
      <input type="hidden" name="addressId" value={addressId} />
      <SubmitButton variant="secondary" size="sm" pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
      {state?.ok === false && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.error}
        </p>
      )}
    </form>
  )
}
