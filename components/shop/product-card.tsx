import { Link } from '@/components/ui/link'
import { AddToCart } from '@/components/cart/add-to-cart'
import { WishlistButton } from '@/components/wishlist/wishlist-button'
import type { ProductCard as ProductCardData } from '@/lib/catalog/types'
import { PriceFrom } from './price'
import { ProductImage } from './product-image'
import { RatingStars } from './rating-stars'

export function ProductCard({ product, priority = false }: { product: ProductCardData; priority?: boolean }) {
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white transition hover:shadow-md">
      <div className="relative">
        <ProductImage
          src={product.imageUrl}
          alt=""
          priority={priority}
          sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
          className="transition group-hover:scale-[1.02]"
        />
        {product.stock <= 0 && <span className="absolute top-2 left-2 rounded-full bg-zinc-900/80 px-2 py-0.5 text-xs font-medium text-white">Sold out</span>}
        <div className="absolute top-2 right-2 z-10">
          <WishlistButton productId={product.id} productName={product.name} compact />
        </div>
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="line-clamp-2 text-sm font-medium text-zinc-900">
          <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0">
            {product.name}
          </Link>
        </h3>
        <RatingStars average={product.ratingAvg} count={product.ratingCount} />
        <div className="mt-auto flex items-center justify-between gap-2 pt-1">
          <PriceFrom minCents={product.priceCents} maxCents={product.maxPriceCents} currency={product.currency} className="font-semibold" />
          {product.quickAddVariantId !== null ? (
            <AddToCart productId={product.id} variantId={product.quickAddVariantId} productName={product.name} stock={product.stock} compact />
          ) : (
            // A product with options is chosen on its page: the whole card links there.
            product.stock > 0 && <span className="rounded-full border border-zinc-300 px-3 py-1 text-xs font-semibold text-zinc-700">Options</span>
          )}
        </div>
      </div>
    </article>
  )
}

export function ProductGrid({ products, priorityCount = 0 }: { products: ProductCardData[]; priorityCount?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id} className="flex">
          <div className="w-full">
            <ProductCard product={product} priority={index < priorityCount} />
          </div>
        </li>
      ))}
    </ul>
  )
}
