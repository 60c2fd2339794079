import { Link } from '@/components/ui/link'
import { PickedForYouRow, RecentlyViewedRow } from '@/components/recommendations/client-rows'
import { ProductGrid } from '@/components/shop/product-card'
import { childrenOf } from '@/lib/catalog/category-tree'
import { getCategories, getFeaturedProducts, getNewArrivals } from '@/lib/catalog/queries'
import { cachedReturnWindowDays } from '@/lib/settings/queries'

/** The hero's picture: a few departments' artwork, drawn by the same route as the products'. */
const heroTiles = [
  { src: '/art/0/hero-listening.svg?motif=headphone&color=f08a70', className: 'col-span-2 row-span-2' },
  { src: '/art/2/hero-kitchen.svg?motif=teapot&color=a3b497', className: '' },
  { src: '/art/0/hero-outdoors.svg?motif=camping&color=8cc4dc', className: '' },
  { src: '/art/2/hero-writing.svg?motif=notebook&color=f6d28b', className: '' },
  { src: '/art/0/hero-apparel.svg?motif=running-shoe&color=b7a6d9', className: '' },
]

export default async function HomePage() {
  const [categories, featured, newArrivals, returnWindowDays] = await Promise.all([
    getCategories(),
    getFeaturedProducts(8),
    getNewArrivals(8),
    cachedReturnWindowDays(),
  ])
  const topLevel = childrenOf(categories, null)
  return (
    <div className="flex flex-col gap-12">
      <section className="grid items-center gap-8 rounded-2xl bg-gradient-to-br from-brand-50 to-white px-6 py-10 sm:px-10 sm:py-12 md:grid-cols-2">
        <div>
          <h1 className="max-w-2xl text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl">Everyday goods, thoughtfully made.</h1>
          <p className="mt-3 max-w-xl text-zinc-700">
            Headphones to cast iron, trail gear to notebooks.{' '}
            {returnWindowDays > 0 ? `Fast shipping and free returns within ${returnWindowDays} days.` : 'Fast shipping.'}
          </p>
          <Link href="/search" className="mt-6 inline-block rounded-full bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800">
            Browse all products
          </Link>
        </div>
        <div className="grid grid-cols-4 grid-rows-2 gap-3" aria-hidden="true">
          {heroTiles.map((tile, index) => (
            // Generated SVG artwork: nothing for next/image to optimise.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              key={tile.src}
              src={tile.src}
              alt=""
              width={800}
              height={800}
              // The large tile is the page's largest paint on every screen size: fetched first.
              fetchPriority={index === 0 ? 'high' : 'auto'}
              className={`h-full w-full rounded-xl object-cover shadow-sm ${tile.className}`}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-semibold">
          Shop by category
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {topLevel.map((category) => (
            <li key={category.id}>
              <Link href={`/category/${category.slug}`} className="block h-full rounded-xl border border-zinc-200 p-4 hover:border-brand-600 hover:bg-brand-50">
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
        <ProductGrid products={featured} />
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
