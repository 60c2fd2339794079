'use client'

import { type ReactNode, useActionState } from 'react'
import { CheckboxField, FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { updateWishlistSharingAction } from '@/lib/wishlist/actions'

/** "Move to cart" or "Remove" on a saved item, saying why when it is refused. */
export function WishlistItemButton({
  action,
  productId,
  pendingLabel,
  variant = 'secondary',
  children,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>
  productId: number
  pendingLabel: string
  variant?: 'primary' | 'secondary'
  children: ReactNode
}) {
  const [state, dispatch] = useActionState(action, null)
  return (
    <form action={dispatch}>
      <input type="hidden" name="productId" value={productId} />
      <SubmitButton variant={variant} size="sm" pendingLabel={pendingLabel}>
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

export function WishlistSharingForm({ displayName, isPublic }: { displayName: string; isPublic: boolean }) {
  const [state, dispatch] = useActionState(updateWishlistSharingAction, null)
  return (
    <form action={dispatch} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <TextField
        label="Name shown on your public list"
        name="displayName"
        maxLength={60}
        defaultValue={displayName}
        hint="The only thing about you the shared page shows."
        state={state}
      />
      <CheckboxField label="Make my wishlist public (anyone with the link can see it)" name="isPublic" defaultChecked={isPublic} state={state} />
      <div>
        <SubmitButton pendingLabel="Saving…">Save sharing settings</SubmitButton>
      </div>
    </form>
  )
}
