import Link from 'next/link'
import { PickedForYouRow, RecentlyViewedRow } from '@/components/recommendations/client-rows'
import { ProductGrid } from '@/components/shop/product-card'
import { childrenOf } from '@/lib/catalog/category-tree'
import { getCategories, getFeaturedProducts, getNewArrivals } from '@/lib/catalog/queries'

export default async function HomePage() {
  const [categories, featured, newArrivals] = await Promise.all([getCategories(), getFeaturedProducts(8), getNewArrivals(8)])
  const topLevel = childrenOf(categories, null)
  return (
    <div className="flex flex-col gap-12">
      <section className="rounded-2xl bg-gradient-to-br from-brand-50 to-white px-6 py-10 sm:px-10 sm:py-14">
        <h1 className="max-w-2xl text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl">Everyday goods, thoughtfully made.</h1>
        <p className="mt-3 max-w-xl text-zinc-700">
          Headphones to cast iron, trail gear to notebooks. Fast shipping and free returns within 30 days.
        </p>
        <Link
          href="/search"
          className="mt-6 inline-block rounded-full bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Browse all products
        </Link>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-semibold">
          Shop by category
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {topLevel.map((category) => (
            <li key={category.id}>
              <Link
                href={`/category/${category.slug}`}
                className="block h-full rounded-xl border border-zinc-200 p-4 hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="font-medium text-zinc-900">{category.name}</span>
                <span className="mt-1 line-clamp-2 block text-xs text-zinc-600">{category.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="mb-4 text-xl font-semibold">
          Featured
        </h2>
        <ProductGrid products={featured} priorityCount={4} />
      </section>

      <section aria-labelledby="new-heading">
        <div className="mb-4 flex items-baseline justify-between">
          <h2 id="new-heading" className="text-xl font-semibold">
            New arrivals
          </h2>
          <Link href="/search?sort=newest" className="text-sm font-medium text-brand-700 hover:underline">
            See all
          </Link>
        </div>
        <ProductGrid products={newArrivals} />
      </section>

      {/* Per visitor, so loaded in the browser: the home page itself stays static and cached. */}
      <PickedForYouRow />
      <RecentlyViewedRow />
    </div>
  )
}
