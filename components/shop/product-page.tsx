import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { AddToCart } from '@/components/cart/add-to-cart'
import { RecentlyViewedRow } from '@/components/recommendations/client-rows'
import { ProductRow } from '@/components/recommendations/product-row'
import { RecordView } from '@/components/recommendations/record-view'
import { ProductReviews } from '@/components/reviews/product-reviews'
import { Breadcrumbs } from './breadcrumbs'
import { Price } from './price'
import { ProductGallery } from './product-gallery'
import { RatingStars } from './rating-stars'
import { StockBadge } from './stock-badge'
import { VariantPicker } from './variant-picker'
import { StockAlertForm } from '@/components/stock-alerts/stock-alert-form'
import { WishlistButton } from '@/components/wishlist/wishlist-button'
import { ancestry } from '@/lib/catalog/category-tree'
import { productJsonLd } from '@/lib/catalog/json-ld'
import { getCategories, getProductBySlug } from '@/lib/catalog/queries'
import type { ProductDetail } from '@/lib/catalog/types'
import { lineName, pickerChoices, selectVariant, variantTitle } from '@/lib/catalog/variant-options'
import { formatMoney } from '@/lib/money'
import { getAlsoBought, getSimilarProducts } from '@/lib/recommendations/queries'
import { getReviewOverview } from '@/lib/reviews/queries'

/** The product page's title, description, canonical address and social card. */
export async function productMetadata(slug: string): Promise<Metadata> {
  const product = await getProductBySlug(slug)
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

/**
 * A product page for the variant `variantSku` names (the URL's ?variant=SKU), or the first in stock.
 * Rendered in one piece, so the chosen variant is in the HTML and the picker works without JavaScript.
 */
export async function ProductPage({ slug, variantSku }: { slug: string; variantSku: string | undefined }) {
  const product = await getProductBySlug(slug)
  // Decided first, so an unknown product answers 404 rather than a page without a product.
  if (!product) notFound()
  const [categories, alsoBought, overview] = await Promise.all([getCategories(), getAlsoBought(product.id), getReviewOverview(product.id, product.slug)])
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
      <ChosenVariant product={product} variantSku={variantSku} />
      <ProductReviews slug={product.slug} productId={product.id} overview={overview} />
      <ProductRow id="also-bought-heading" title="Customers also bought" products={alsoBought} />
      <ProductRow id="similar-heading" title="Similar products" products={similar} />
      {/* Per visitor, so loaded in the browser: the page's data stays cached for everyone. */}
      <RecordView productId={product.id} />
      <RecentlyViewedRow excludeId={product.id} />
    </>
  )
}

/** The gallery and buying panel for the variant the URL names (`?variant=SKU`), or the first in stock. */
function ChosenVariant({ product, variantSku }: { product: ProductDetail; variantSku: string | undefined }) {
  const { variant, unknown } = selectVariant(product.variants, variantSku)
  const title = variant ? variantTitle(variant) : ''
  const priceCents = variant?.priceCents ?? product.priceCents
  const compareAtCents = variant?.compareAtCents ?? null
  const stock = variant?.stock ?? 0
  // The chosen variant's own image comes first in the gallery.
  const images =
    variant?.imageUrl && !product.images.some((image) => image.url === variant.imageUrl)
      ? [{ url: variant.imageUrl, alt: lineName(product.name, title) }, ...product.images]
      : product.images
  const mainImage = Math.max(
    0,
    images.findIndex((image) => image.url === variant?.imageUrl),
  )
  return (
    <div className="mt-4 grid gap-8 lg:grid-cols-2">
      <ProductGallery key={variant?.id ?? 0} images={images} name={product.name} initialIndex={mainImage} />
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{product.name}</h1>
        <RatingStars average={product.ratingAvg} count={product.ratingCount} size="md" />
        {unknown && (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            That option is not sold for this product{title ? `; showing ${title} instead` : ''}.
          </p>
        )}
        <p className="flex flex-wrap items-baseline gap-3" data-testid="product-price">
          <Price amountCents={priceCents} currency={product.currency} className="text-2xl font-semibold" />
          {compareAtCents !== null && compareAtCents > priceCents && (
            <s className="text-lg text-zinc-600">
              <span className="sr-only">Was </span>
              {formatMoney(compareAtCents, product.currency)}
            </s>
          )}
        </p>
        {variant && product.options.length > 0 && <VariantPicker slug={product.slug} groups={pickerChoices(product.options, product.variants, variant)} />}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <StockBadge stock={stock} />
          {variant && <p className="text-sm text-zinc-600">SKU: {variant.sku}</p>}
        </div>
        {variant ? (
          <AddToCart key={variant.id} productId={product.id} variantId={variant.id} productName={lineName(product.name, title)} stock={stock} />
        ) : (
          <p className="text-sm text-zinc-700">Not available for now.</p>
        )}
        {variant && stock <= 0 && <StockAlertForm key={`alert-${variant.id}`} productId={product.id} variantId={variant.id} />}
        <WishlistButton productId={product.id} productName={product.name} />
        <div className="max-w-prose space-y-3 leading-relaxed text-zinc-800">
          {product.description.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      </div>
    </div>
  )
}
