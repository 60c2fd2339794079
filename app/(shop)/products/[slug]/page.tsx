import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { AddToCart } from '@/components/cart/add-to-cart'
import { RecentlyViewedRow } from '@/components/recommendations/client-rows'
import { ProductRow } from '@/components/recommendations/product-row'
import { RecordView } from '@/components/recommendations/record-view'
import { ProductReviews } from '@/components/reviews/product-reviews'
import { Breadcrumbs } from '@/components/shop/breadcrumbs'
import { Price } from '@/components/shop/price'
import { StockAlertForm } from '@/components/stock-alerts/stock-alert-form'
import { WishlistButton } from '@/components/wishlist/wishlist-button'
import { ProductGallery } from '@/components/shop/product-gallery'
import { RatingStars } from '@/components/shop/rating-stars'
import { StockBadge } from '@/components/shop/stock-badge'
import { ancestry } from '@/lib/catalog/category-tree'
import { productJsonLd } from '@/lib/catalog/json-ld'
import { getCategories, getProductBySlug, getProductSlugs } from '@/lib/catalog/queries'
import { getAlertChoices } from '@/lib/stock-alerts/queries'
import { getAlsoBought, getSimilarProducts } from '@/lib/recommendations/queries'
import { getReviewOverview } from '@/lib/reviews/queries'

// The most reviewed products are prerendered at build; every other product renders on first visit and is then cached.
export async function generateStaticParams() {
  const slugs = await getProductSlugs(24)
  return slugs.map(({ slug }) => ({ slug }))
}

export async function generateMetadata({ params }: PageProps<'/products/[slug]'>): Promise<Metadata> {
  const product = await getProductBySlug((await params).slug)
  if (!product) return { title: 'Product not found' }
  const description = product.description.slice(0, 160)
  const image = product.images[0]
  return {
    title: product.name,
    description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: {
      title: product.name,
      description,
      url: `/products/${product.slug}`,
      images: image ? [{ url: image.url, alt: image.alt || product.name }] : undefined,
    },
  }
}

export default async function ProductPage({ params }: PageProps<'/products/[slug]'>) {
  const { slug } = await params
  const product = await getProductBySlug(slug)
  if (!product) notFound()
  const [categories, alsoBought, overview, alertChoices] = await Promise.all([
    getCategories(),
    getAlsoBought(product.id),
    getReviewOverview(product.id, product.slug),
    getAlertChoices(product.id, product.slug),
  ])
  // Too few orders to go on: fall back to products like this one.
  const similar = alsoBought.length < 2 ? await getSimilarProducts({ id: product.id, categoryId: product.categoryId, name: product.name }) : []
  const trail = ancestry(categories, product.categoryId)

  return (
    <>
      <script
        type="application/ld+json"
        // JSON-LD must be inline; productJsonLd escapes "<" so product text cannot close the tag.
        dangerouslySetInnerHTML={{ __html: productJsonLd(product, overview.latest) }}
      />
      <Breadcrumbs
        items={[
          { name: 'Home', href: '/' },
          ...trail.map((category) => ({ name: category.name, href: `/category/${category.slug}` })),
          { name: product.name, href: `/products/${product.slug}` },
        ]}
      />
      <div className="mt-4 grid gap-8 lg:grid-cols-2">
        <ProductGallery images={product.images} name={product.name} />
        <div className="flex flex-col gap-4">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{product.name}</h1>
          <RatingStars average={product.ratingAvg} count={product.ratingCount} size="md" />
          <Price amountCents={product.priceCents} currency={product.currency} className="text-2xl font-semibold" />
          <StockBadge stock={product.stock} />
          <AddToCart productId={product.id} productName={product.name} stock={product.stock} />
          {alertChoices.soldOut.length > 0 && <StockAlertForm productId={product.id} choices={alertChoices.single ? null : alertChoices.soldOut} />}
          <WishlistButton productId={product.id} productName={product.name} />
          <div className="max-w-prose space-y-3 leading-relaxed text-zinc-800">
            {product.description.split(/\n{2,}/).map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
        </div>
      </div>
      <ProductReviews slug={product.slug} productId={product.id} overview={overview} />
      <ProductRow id="also-bought-heading" title="Customers also bought" products={alsoBought} />
      <ProductRow id="similar-heading" title="Similar products" products={similar} />
      {/* Per visitor, so loaded in the browser: the page itself stays static and cached. */}
      <RecordView productId={product.id} />
      <RecentlyViewedRow excludeId={product.id} />
    </>
  )
}
