'use client'

import { useActionState, useEffect } from 'react'
import { toggleWishlistAction, type WishlistActionState } from '@/lib/wishlist/actions'
import { loadWishlist, setSaved, useSaved } from './wishlist-store'

/**
 * The heart: a form posting a server action, so it works before (or without) JavaScript, when it
 * always saves. Its filled state comes from the visitor's list, loaded in the browser.
 */
export function WishlistButton({ productId, productName, compact = false }: { productId: number; productName: string; compact?: boolean }) {
  // Keyed by the product, not the tree: see the permalink of AddToCart (components/cart/add-to-cart.tsx).
  const [state, action, pending] = useActionState<WishlistActionState, FormData>(toggleWishlistAction, null, `#wishlist-${productId}`)
  // Until the visitor's list has loaded (and without JavaScript) the heart shows the answer it got.
  const saved = useSaved(productId) ?? (state?.ok ? state.saved : null)
  useEffect(loadWishlist, [])
  useEffect(() => {
    if (state?.ok) setSaved(productId, state.saved)
  }, [state, productId])

  return (
    <form action={action} className={compact ? 'relative z-10' : 'flex items-center gap-3'}>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="intent" value={saved ? 'remove' : 'add'} />
      <button
        type="submit"
        disabled={pending}
        aria-pressed={saved ?? false}
        // A toggle keeps one name; aria-pressed (and the filled heart) says whether it is on.
        aria-label={compact ? `Save ${productName} to wishlist` : undefined}
        className={
          compact
            ? 'rounded-full bg-white/90 p-1.5 text-rose-600 shadow-sm hover:bg-white disabled:opacity-60'
            : 'flex items-center gap-2 rounded-full border border-zinc-300 px-4 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-50 disabled:opacity-60'
        }
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill={saved ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.8">
          <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" strokeLinejoin="round" />
        </svg>
        {!compact && 'Save to wishlist'}
      </button>
      <p aria-live="polite" className={compact ? 'sr-only' : `text-sm ${state?.ok === false ? 'text-red-700' : 'text-emerald-800'}`}>
        {state ? (state.ok ? state.message : state.error) : ''}
      </p>
    </form>
  )
}
