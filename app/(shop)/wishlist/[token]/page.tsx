import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { Price } from '@/components/shop/price'
import { ProductImage } from '@/components/shop/product-image'
import { StockBadge } from '@/components/shop/stock-badge'
import { getPublicWishlist } from '@/lib/wishlist/wishlist'

// A shared list is personal: kept out of search engines.
export const metadata: Metadata = { title: 'A shared wishlist', robots: { index: false, follow: false } }

export const instant = false

/** A public wishlist, read-only: the display name its owner chose and the products, nothing else. */
export default async function SharedWishlistPage({ params }: PageProps<'/wishlist/[token]'>) {
  await connection()
  const list = await getPublicWishlist((await params).token)
  if (!list) notFound()
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">{list.displayName}’s wishlist</h1>
      {list.items.length === 0 ? (
        <p className="text-sm text-zinc-700">This wishlist is empty for now.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
          {list.items.map((item) => (
            <li key={item.id} className="relative flex flex-col gap-1 overflow-hidden rounded-xl border border-zinc-200 bg-white">
              <ProductImage src={item.imageUrl} alt="" sizes="(min-width: 1024px) 25vw, 50vw" />
              <div className="flex flex-col gap-1 p-3">
                <Link href={`/products/${item.slug}`} className="text-sm font-medium text-zinc-900 after:absolute after:inset-0">
                  {item.name}
                </Link>
                <Price amountCents={item.priceCents} currency={item.currency} className="font-semibold" />
                <StockBadge stock={item.stock} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
