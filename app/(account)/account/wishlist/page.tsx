import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Suspense } from 'react'
import { Price } from '@/components/shop/price'
import { ProductImage } from '@/components/shop/product-image'
import { StockBadge } from '@/components/shop/stock-badge'
import { WishlistItemButton, WishlistSharingForm } from '@/components/wishlist/wishlist-forms'
import { requireUser } from '@/lib/auth/session'
import { siteUrl } from '@/lib/env'
import { moveWishlistItemToCartAction, removeWishlistItemAction } from '@/lib/wishlist/actions'
import { getWishlistItems, getWishlistSharing, resolveWishlistId } from '@/lib/wishlist/wishlist'

export const metadata: Metadata = { title: 'Your wishlist' }

export default function WishlistPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Your wishlist</h1>
      <Suspense fallback={<div aria-hidden="true" className="h-40 animate-pulse rounded-xl bg-zinc-100" />}>
        <Wishlist />
      </Suspense>
    </div>
  )
}

async function Wishlist() {
  const user = await requireUser('/account/wishlist')
  const [items, sharing] = await Promise.all([resolveWishlistId({ create: false }).then(getWishlistItems), getWishlistSharing(user.id)])
  return (
    <>
      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-700">
          Nothing saved yet. Tap the heart on a product to keep it here.{' '}
          <Link href="/search" className="font-medium text-brand-700 hover:underline">
            Browse products
          </Link>
        </p>
      ) : (
        <ul aria-label="Saved items" className="flex flex-col divide-y divide-zinc-200 rounded-xl border border-zinc-200">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-4 p-4">
              <div className="w-16 shrink-0">
                <ProductImage src={item.imageUrl} alt="" sizes="64px" />
              </div>
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <Link href={`/products/${item.slug}`} className="font-medium text-zinc-900 hover:underline">
                  {item.name}
                </Link>
                <Price amountCents={item.priceCents} currency={item.currency} className="text-sm font-semibold" />
                {item.active ? <StockBadge stock={item.stock} /> : <span className="text-sm font-medium text-red-700">No longer sold</span>}
              </div>
              <div className="flex gap-2">
                {item.active && item.stock > 0 && item.choices > 1 && (
                  <Link
                    href={`/products/${item.slug}`}
                    className="inline-flex items-center rounded-full bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
                  >
                    Choose options<span className="sr-only">: {item.name}</span>
                  </Link>
                )}
                {item.active && item.stock > 0 && item.choices <= 1 && (
                  <WishlistItemButton action={moveWishlistItemToCartAction} productId={item.id} pendingLabel="Moving…" variant="primary">
                    Move to cart<span className="sr-only">: {item.name}</span>
                  </WishlistItemButton>
                )}
                <WishlistItemButton action={removeWishlistItemAction} productId={item.id} pendingLabel="Removing…">
                  Remove<span className="sr-only">: {item.name}</span>
                </WishlistItemButton>
              </div>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="sharing-heading" className="flex flex-col gap-4 rounded-xl border border-zinc-200 p-5">
        <h2 id="sharing-heading" className="text-lg font-semibold">
          Share your wishlist
        </h2>
        {sharing.isPublic && sharing.shareToken && (
          <p className="text-sm text-zinc-700">
            Your public link:{' '}
            <a href={`/wishlist/${sharing.shareToken}`} className="font-medium break-all text-brand-700 hover:underline">
              {`${siteUrl}/wishlist/${sharing.shareToken}`}
            </a>
          </p>
        )}
        <WishlistSharingForm displayName={sharing.displayName} isPublic={sharing.isPublic} />
      </section>
    </>
  )
}
