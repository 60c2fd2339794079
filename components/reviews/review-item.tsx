import type { ReactNode } from 'react'
import type { ReviewView } from '@/lib/reviews/types'
import { pluralize } from '@/lib/plural'

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

export function StarsOf({ rating }: { rating: number }) {
  return (
    <span role="img" aria-label={`${rating} out of 5 stars`} className="text-amber-500">
      <span aria-hidden="true">
        {'★'.repeat(rating)}
        <span className="text-zinc-300">{'★'.repeat(5 - rating)}</span>
      </span>
    </span>
  )
}

/** One review. Title and text are plain text: React escapes them, so no HTML from a review ever runs. */
export function ReviewItem({ review, children }: { review: ReviewView; children?: ReactNode }) {
  return (
    <article className="flex flex-col gap-2 border-b border-zinc-200 py-5 last:border-b-0" aria-labelledby={`review-${review.id}-title`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <StarsOf rating={review.rating} />
        <h3 id={`review-${review.id}-title`} className="font-semibold text-zinc-950">
          {review.title}
        </h3>
      </div>
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-zinc-600">
        <span>{review.authorName}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={review.createdAt}>{dateFormat.format(new Date(review.createdAt))}</time>
        {review.edited && <span>(edited)</span>}
        {review.verified && <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">Verified purchase</span>}
      </p>
      <p className="whitespace-pre-line text-zinc-800">{review.body}</p>
      <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-600">
        {review.helpfulCount > 0 && <span>{`${pluralize(review.helpfulCount, 'person', 'people')} found this helpful`}</span>}
        {children}
      </div>
    </article>
  )
}
