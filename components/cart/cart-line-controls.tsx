'use client'

import { useActionState, useEffect, useId } from 'react'
import { type CartActionState, removeCartItemAction, updateCartQuantityAction } from '@/lib/cart/actions'
import { MAX_LINE_QUANTITY } from '@/lib/cart/totals'
import { SubmitButton } from '@/components/ui/form'
import { setCartCount } from './cart-count-store'

/** Quantity and remove controls of one cart line; each reports its outcome in an aria-live region. */
export function CartLineControls({ variantId, productName, quantity, max }: { variantId: number; productName: string; quantity: number; max: number }) {
  const [updateState, update] = useActionState<CartActionState, FormData>(updateCartQuantityAction, null)
  const [removeState, remove] = useActionState<CartActionState, FormData>(removeCartItemAction, null)
  const id = useId()
  const latest = removeState ?? updateState
  useEffect(() => {
    if (typeof latest?.count === 'number') setCartCount(latest.count)
  }, [latest])

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={update} className="flex items-center gap-2">
          <input type="hidden" name="variantId" value={variantId} />
          <label htmlFor={`${id}-qty`} className="sr-only">
            Quantity of {productName}
          </label>
          <input
            id={`${id}-qty`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={0}
            max={Math.min(Math.max(max, 1), MAX_LINE_QUANTITY)}
            defaultValue={quantity}
            key={quantity}
            className="w-20 rounded-xl border border-zinc-300 bg-white px-3 py-1.5 text-sm"
          />
          <SubmitButton variant="secondary" size="sm" pendingLabel="Updating…">
            Update
          </SubmitButton>
        </form>
        <form action={remove}>
          <input type="hidden" name="variantId" value={variantId} />
          <button type="submit" className="rounded-full px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50" aria-label={`Remove ${productName}`}>
            Remove
          </button>
        </form>
      </div>
      <p aria-live="polite" className={`text-sm ${latest?.ok === false ? 'text-red-700' : 'text-zinc-700'}`}>
        {latest ? (latest.ok ? latest.message : (latest.fieldErrors?.quantity?.[0] ?? latest.error)) : ''}
      </p>
    </div>
  )
}
