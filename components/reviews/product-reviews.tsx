import { Link } from '@/components/ui/link'
import type { ReviewOverview } from '@/lib/reviews/types'
import { ReviewItem } from './review-item'
import { ReviewLink } from './review-link'
import { ReviewSummary } from './review-summary'
import { pluralize } from '@/lib/plural'

/**
 * The reviews section of the (cached, static) product page: summary and latest reviews. Writing,
 * sorting, paging, voting and reporting happen on /products/[slug]/reviews, which is per visitor.
 */
export function ProductReviews({ slug, productId, overview }: { slug: string; productId: number; overview: ReviewOverview }) {
  return (
    <section aria-labelledby="reviews-heading" className="mt-14 grid gap-8 lg:grid-cols-[18rem_1fr]">
      <div className="flex flex-col gap-4">
        <h2 id="reviews-heading" className="text-xl font-semibold">
          Customer reviews
        </h2>
        <ReviewSummary average={overview.average} count={overview.count} distribution={overview.distribution} />
        <ReviewLink slug={slug} productId={productId} />
      </div>
      <div>
        {overview.latest.length === 0 ? (
          <p className="text-zinc-700">No reviews yet. Bought it? Tell other shoppers what you think.</p>
        ) : (
          <>
            {overview.latest.map((review) => (
              <ReviewItem key={review.id} review={review} />
            ))}
            <Link href={`/products/${slug}/reviews`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
              {overview.count === 1 ? 'See the review' : `See all ${pluralize(overview.count, 'review')}`}
            </Link>
          </>
        )}
      </div>
    </section>
  )
}
