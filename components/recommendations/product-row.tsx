import { ProductGrid } from '@/components/shop/product-card'
import type { ProductCard } from '@/lib/catalog/types'

/** A titled row of products that renders nothing when it has none. */
export function ProductRow({ id, title, products }: { id: string; title: string; products: ProductCard[] }) {
  if (products.length === 0) return null
  return (
    <section aria-labelledby={id} className="mt-14">
      <h2 id={id} className="mb-4 text-xl font-semibold">
        {title}
      </h2>
      <ProductGrid products={products} />
    </section>
  )
}
