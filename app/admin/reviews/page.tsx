import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { ReviewModeration } from '@/components/admin/review-moderation'
import { StarsOf } from '@/components/reviews/review-item'
import { Pagination } from '@/components/shop/pagination'
import { requireAdmin } from '@/lib/auth/session'
import { listReviewsForModeration } from '@/lib/reviews/queries'
import { type ModerationParams, parseModerationParams } from '@/lib/reviews/validation'
import { pluralize } from '@/lib/plural'

export const metadata: Metadata = { title: 'Reviews' }

export const instant = false

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const selectClass = 'rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm'

function hrefFor(filters: ModerationParams, page: number) {
  const query = new URLSearchParams()
  if (filters.rating !== null) query.set('rating', String(filters.rating))
  if (filters.hidden !== 'any') query.set('hidden', filters.hidden)
  if (filters.reported) query.set('reported', '1')
  if (page > 1) query.set('page', String(page))
  const text = query.toString()
  return `/admin/reviews${text ? `?${text}` : ''}`
}

export default async function AdminReviewsPage({ searchParams }: PageProps<'/admin/reviews'>) {
  await requireAdmin('/admin/reviews')
  const filters = parseModerationParams(await searchParams)
  const { reviews, total, pageCount } = await listReviewsForModeration(filters)
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Reviews</h1>
      <form method="get" action="/admin/reviews" className="flex flex-wrap items-end gap-3" aria-label="Filter reviews">
        <label className="flex flex-col gap-1 text-sm">
          Rating
          <select name="rating" defaultValue={filters.rating === null ? '' : String(filters.rating)} className={selectClass}>
            <option value="">Any</option>
            {[5, 4, 3, 2, 1].map((stars) => (
              <option key={stars} value={stars}>
                {pluralize(stars, 'star')}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Visibility
          <select name="hidden" defaultValue={filters.hidden} className={selectClass}>
            <option value="any">All</option>
            <option value="no">Visible</option>
            <option value="yes">Hidden</option>
          </select>
        </label>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" name="reported" value="1" defaultChecked={filters.reported} className="size-4 accent-brand-700" />
          Reported only
        </label>
        <button type="submit" className="rounded-full bg-zinc-900 px-4 py-1.5 text-sm font-semibold text-white hover:bg-zinc-700">
          Filter
        </button>
      </form>
      <p className="text-sm text-zinc-700">{pluralize(total, 'review')}</p>
      <ul className="flex flex-col gap-4">
        {reviews.map((review) => (
          <li key={review.id}>
            <article className="grid gap-4 rounded-xl border border-zinc-200 p-4 md:grid-cols-[1fr_18rem]" aria-labelledby={`moderate-${review.id}`}>
              <div className="flex flex-col gap-1.5">
                <div className="flex flex-wrap items-center gap-2">
                  <StarsOf rating={review.rating} />
                  <h2 id={`moderate-${review.id}`} className="font-semibold">
                    {review.title}
                  </h2>
                  {review.hidden && <span className="rounded-full bg-zinc-900 px-2 py-0.5 text-xs font-semibold text-white">Hidden</span>}
                  {review.reportCount > 0 && (
                    <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">
                      Reported {review.reportCount === 1 ? 'once' : `${review.reportCount} times`}
                    </span>
                  )}
                  {review.verified && <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">Verified purchase</span>}
                </div>
                <p className="text-sm text-zinc-600">
                  <Link href={`/products/${review.productSlug}`} className="font-medium text-brand-700 hover:underline">
                    {review.productName}
                  </Link>{' '}
                  · {review.authorEmail} · {dateFormat.format(new Date(review.createdAt))}
                </p>
                <p className="whitespace-pre-line text-sm text-zinc-800">{review.body}</p>
                {review.hidden && review.hiddenReason && <p className="text-sm text-zinc-600">Hidden because: {review.hiddenReason}</p>}
              </div>
              <ReviewModeration reviewId={review.id} hidden={review.hidden} context={`the review “${review.title}” of ${review.productName}`} />
            </article>
          </li>
        ))}
      </ul>
      {reviews.length === 0 && <p className="text-zinc-700">No reviews match these filters.</p>}
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => hrefFor(filters, page)} />
    </div>
  )
}
