'use client'

import { Link } from '@/components/ui/link'
import { usePathname } from 'next/navigation'
import { Suspense, useEffect } from 'react'
import { refreshCartCount, useCartCount } from './cart-count-store'
import { pluralize } from '@/lib/plural'

/**
 * Asks for the count again after every navigation: signing in merges a guest cart, signing out
 * leaves it, and paying empties it, and each of those ends in a navigation. The path is only known
 * in the browser for some routes, hence its own Suspense boundary (it renders nothing).
 */
function RefreshOnNavigation() {
  const pathname = usePathname()
  useEffect(() => {
    void refreshCartCount()
  }, [pathname])
  return null
}

/** The header's cart link; its count loads in the browser so catalog pages stay static. */
export function CartLink() {
  const count = useCartCount()
  const label = count === null ? 'Cart' : `Cart, ${pluralize(count, 'item')}`
  return (
    <>
      <Suspense fallback={null}>
        <RefreshOnNavigation />
      </Suspense>
      <Link
        href="/cart"
        aria-label={label}
        className="flex items-center gap-1.5 rounded-full px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 hover:text-zinc-950"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6" strokeLinecap="round" strokeLinejoin="round" />
          <circle cx="10" cy="20" r="1.3" />
          <circle cx="17" cy="20" r="1.3" />
        </svg>
        Cart
        {count !== null && count > 0 && (
          <span data-testid="cart-count" className="min-w-5 rounded-full bg-brand-700 px-1.5 text-center text-xs font-semibold text-white">
            {count}
          </span>
        )}
      </Link>
    </>
  )
}
