'use client'

import { useActionState, useEffect, useId } from 'react'
import { useFormStatus } from 'react-dom'
import { addToCartAction, type CartActionState } from '@/lib/cart/actions'
import { MAX_LINE_QUANTITY } from '@/lib/cart/totals'
import { bumpCartCount, setCartCount } from './cart-count-store'

function AddButton({ compact, productName }: { compact: boolean; productName: string }) {
  const { pending } = useFormStatus()
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={compact ? `Add ${productName} to cart` : undefined}
      className={
        compact
          ? 'relative z-10 rounded-full border border-zinc-300 bg-white px-3 py-1 text-xs font-semibold text-zinc-900 hover:bg-zinc-50 disabled:opacity-60'
          : 'rounded-full bg-brand-700 px-6 py-2.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-70'
      }
    >
      {pending ? 'Adding…' : compact ? 'Add' : 'Add to cart'}
    </button>
  )
}

/**
 * Adds a product to the cart through a server action. The header count goes up at once
 * (optimistic) and is then set to what the server says; the outcome is announced politely.
 */
export function AddToCart({
  productId,
  variantId,
  productName,
  stock,
  compact = false,
}: {
  productId: number
  /** The chosen variant; left out, the product's only variant (a product without options). */
  variantId?: number
  productName: string
  stock: number
  compact?: boolean
}) {
  const [state, action] = useActionState<CartActionState, FormData>(addToCartAction, null)
  const id = useId()
  useEffect(() => {
    if (typeof state?.count === 'number') setCartCount(state.count)
  }, [state])

  if (stock <= 0) {
    return compact ? null : (
      <p className="text-sm text-zinc-700" role="status">
        Sold out for now.
      </p>
    )
  }
  return (
    <form
      action={(formData) => {
        bumpCartCount(Number(formData.get('quantity') ?? 1) || 1)
        action(formData)
      }}
      className={compact ? 'relative z-10 flex flex-col gap-1' : 'flex flex-col gap-3'}
    >
      <input type="hidden" name="productId" value={productId} />
      {variantId !== undefined && <input type="hidden" name="variantId" value={variantId} />}
      {compact ? (
        <input type="hidden" name="quantity" value="1" />
      ) : (
        <div className="flex items-center gap-3">
          <label htmlFor={`${id}-quantity`} className="text-sm font-medium text-zinc-900">
            Quantity
          </label>
          <select id={`${id}-quantity`} name="quantity" defaultValue="1" className="rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm">
            {Array.from({ length: Math.min(stock, MAX_LINE_QUANTITY, 10) }, (_, index) => (
              <option key={index + 1} value={index + 1}>
                {index + 1}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className={compact ? '' : 'flex flex-wrap items-center gap-3'}>
        <AddButton compact={compact} productName={productName} />
        <p aria-live="polite" className={compact ? 'sr-only' : `text-sm ${state?.ok === false ? 'text-red-700' : 'text-emerald-800'}`}>
          {state ? (state.ok ? state.message : state.error) : ''}
        </p>
      </div>
    </form>
  )
}
