'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { applyPromotionCodeAction, removePromotionCodeAction } from '@/lib/cart/promotion-actions'

/** Enter one code, see what it saves or why it does not apply; remove it again. */
export function PromotionCodeForm({ appliedCode }: { appliedCode: string | null }) {
  const [applyState, apply] = useActionState<ActionState, FormData>(applyPromotionCodeAction, null)
  const [removeState, remove] = useActionState<ActionState, FormData>(removePromotionCodeAction, null)
  if (appliedCode) {
    return (
      <form action={remove} className="flex flex-col gap-2">
        <FormMessage state={applyState?.ok ? applyState : removeState} />
        <div className="flex items-center justify-between gap-2 text-sm">
          <span>
            Code <span className="font-mono font-semibold">{appliedCode}</span>
          </span>
          <SubmitButton variant="secondary" size="sm" pendingLabel="Removing…">
            Remove code
          </SubmitButton>
        </div>
      </form>
    )
  }
  return (
    <form action={apply} className="flex flex-col gap-2">
      <FormMessage state={applyState?.ok ? null : applyState} />
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextField label="Promotion code" name="code" autoComplete="off" state={applyState} />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Applying…">
          Apply
        </SubmitButton>
      </div>
    </form>
  )
}
