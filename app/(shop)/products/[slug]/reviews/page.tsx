import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { ReviewButtons } from '@/components/reviews/review-buttons'
import { ReviewForm } from '@/components/reviews/review-form'
import { ReviewItem } from '@/components/reviews/review-item'
import { ReviewSummary } from '@/components/reviews/review-summary'
import { AutoSubmitSelect } from '@/components/shop/auto-submit-select'
import { Breadcrumbs } from '@/components/shop/breadcrumbs'
import { Pagination } from '@/components/shop/pagination'
import { getCurrentUser } from '@/lib/auth/session'
import { getProductBySlug, getProductSlugs } from '@/lib/catalog/queries'
import { getOwnReview, getReviewOverview, hasPurchased, listProductReviews } from '@/lib/reviews/queries'
import { parseReviewListParams, type ReviewSort, reviewSortLabels, reviewSorts } from '@/lib/reviews/validation'
import { pluralize } from '@/lib/plural'

// Per visitor (their own review, their votes, the sort and page in the URL): rendered on request, in one
// piece, so an unknown product answers a real 404.
export const instant = false

// Known slugs make the route render whole at request time (like the category page) instead of
// streaming a fallback shell, which would answer 200 before the product is looked up.
export async function generateStaticParams() {
  const slugs = await getProductSlugs(1)
  return slugs.map(({ slug }) => ({ slug }))
}

export async function generateMetadata({ params }: PageProps<'/products/[slug]/reviews'>): Promise<Metadata> {
  const product = await getProductBySlug((await params).slug)
  if (!product) return { title: 'Product not found' }
  return { title: `Reviews of ${product.name}`, alternates: { canonical: `/products/${product.slug}/reviews` } }
}

export default async function ProductReviewsPage({ params, searchParams }: PageProps<'/products/[slug]/reviews'>) {
  const { slug } = await params
  const product = await getProductBySlug(slug)
  if (!product) notFound()
  const { sort, page } = parseReviewListParams(await searchParams)
  const user = await getCurrentUser()
  const [overview, list, own, bought] = await Promise.all([
    getReviewOverview(product.id, product.slug),
    listProductReviews(product.id, { sort, page, viewerId: user?.id ?? null }),
    user ? getOwnReview(user.id, product.id) : null,
    user ? hasPurchased(user.id, product.id) : false,
  ])
  const hrefFor = (target: { sort?: ReviewSort; page?: number }) => {
    const query = new URLSearchParams()
    const nextSort = target.sort ?? sort
    if (nextSort !== 'newest') query.set('sort', nextSort)
    if ((target.page ?? 1) > 1) query.set('page', String(target.page))
    const text = query.toString()
    return `/products/${product.slug}/reviews${text ? `?${text}` : ''}`
  }

  return (
    <div className="flex flex-col gap-8">
      <Breadcrumbs
        items={[
          { name: 'Home', href: '/' },
          { name: product.name, href: `/products/${product.slug}` },
          { name: 'Reviews', href: `/products/${product.slug}/reviews` },
        ]}
      />
      <h1 className="text-2xl font-bold tracking-tight">Reviews of {product.name}</h1>
      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <div className="flex flex-col gap-6">
          <ReviewSummary average={overview.average} count={overview.count} distribution={overview.distribution} />
          <section id="your-review" aria-labelledby="your-review-heading" className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-4">
            <h2 id="your-review-heading" className="text-lg font-semibold">
              {own ? 'Your review' : 'Write a review'}
            </h2>
            {!user ? (
              <p className="text-sm text-zinc-700">
                <Link
                  href={`/login?callbackUrl=${encodeURIComponent(`/products/${product.slug}/reviews`)}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  Log in to write a review
                </Link>
              </p>
            ) : (
              <>
                {own?.hidden && <p className="text-sm text-amber-800">A moderator has hidden your review; it does not show to other shoppers.</p>}
                {bought && <p className="text-sm text-emerald-800">You bought this product: your review shows as a verified purchase.</p>}
                <ReviewForm productId={product.id} slug={product.slug} own={own} />
              </>
            )}
          </section>
        </div>
        <section aria-labelledby="all-reviews-heading">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="all-reviews-heading" className="text-lg font-semibold">
              {pluralize(list.total, 'review')}
            </h2>
            <form method="get" action={`/products/${product.slug}/reviews`} className="flex items-center gap-2">
              <label htmlFor="review-sort" className="text-sm text-zinc-700">
                Sort by
              </label>
              <AutoSubmitSelect id="review-sort" name="sort" defaultValue={sort} className="rounded-lg border border-zinc-300 px-2 py-1.5 text-sm">
                {reviewSorts.map((value) => (
                  <option key={value} value={value}>
                    {reviewSortLabels[value]}
                  </option>
                ))}
              </AutoSubmitSelect>
              <noscript>
                <button type="submit" className="rounded-lg border border-zinc-300 px-2 py-1.5 text-sm">
                  Sort
                </button>
              </noscript>
            </form>
          </div>
          {!user && list.reviews.length > 0 && <p className="mt-2 text-sm text-zinc-600">Log in to mark reviews as helpful or report them.</p>}
          {list.reviews.length === 0 ? (
            <p className="mt-4 text-zinc-700">{page > 1 ? 'There are no reviews on this page.' : 'No reviews yet.'}</p>
          ) : (
            list.reviews.map((review) => (
              <ReviewItem key={review.id} review={review}>
                {user && !review.mine && (
                  <ReviewButtons reviewId={review.id} slug={product.slug} voted={review.votedByViewer} reported={review.reportedByViewer} />
                )}
              </ReviewItem>
            ))
          )}
          <Pagination page={page} pageCount={list.pageCount} hrefFor={(target) => hrefFor({ page: target })} />
        </section>
      </div>
    </div>
  )
}
