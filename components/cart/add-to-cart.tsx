'use client'

import { useActionState, useEffect, useId } from 'react'
import { useFormStatus } from 'react-dom'
import { addToCartAction, type CartActionState } from '@/lib/cart/actions'
import { MAX_LINE_QUANTITY } from '@/lib/cart/totals'
import { bumpCartCount, setCartCount } from './cart-count-store'

function AddButton({ compact, productName, added }: { compact: boolean; productName: string; added: boolean }) {
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
      {/* On a card the answer itself is read out only; "Added" shows it (without JavaScript too, where no badge counts). */}
      {pending ? 'Adding…' : compact ? (added ? 'Added' : 'Add') : 'Add to cart'}
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
  // The permalink keys the form's answer by the product rather than by the form's place in the
  // component tree, which differs between a listing rendered at request time and its cached route
  // (lib/catalog/listing-route.ts): a form posted without JavaScript finds its answer on either.
  // Being a bare fragment, it posts to the page's own address.
  const [state, action] = useActionState<CartActionState, FormData>(addToCartAction, null, `#add-to-cart-${variantId ?? `product-${productId}`}`)
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
      // The server action itself, not a function wrapping it: React then renders the form so it
      // posts to the page without JavaScript (or before hydration) and the page comes back with
      // the answer in it. The optimistic bump runs in onSubmit, before the action is dispatched.
      action={action}
      onSubmit={(event) => bumpCartCount(Number(new FormData(event.currentTarget).get('quantity') ?? 1) || 1)}
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
        <AddButton compact={compact} productName={productName} added={state?.ok === true} />
        <p aria-live="polite" className={compact ? 'sr-only' : `text-sm ${state?.ok === false ? 'text-red-700' : 'text-emerald-800'}`}>
          {state ? (state.ok ? state.message : state.error) : ''}
        </p>
      </div>
    </form>
  )
}
