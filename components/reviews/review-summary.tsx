import { RatingStars } from '@/components/shop/rating-stars'
import type { RatingDistribution } from '@/lib/reviews/types'
import { pluralWord, pluralize } from '@/lib/plural'

/** Average, count and the 5-to-1 distribution of a product's visible reviews. */
export function ReviewSummary({ average, count, distribution }: { average: number; count: number; distribution: RatingDistribution }) {
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-baseline gap-3">
        <p className="text-4xl font-bold text-zinc-950" data-testid="rating-average">
          {count > 0 ? average.toFixed(1) : '–'}
        </p>
        <div className="flex flex-col">
          <RatingStars average={average} count={count} size="md" />
          <p className="text-sm text-zinc-600" data-testid="rating-count">
            {pluralize(count, 'review')}
          </p>
        </div>
      </div>
      <ul className="flex flex-col gap-1.5" aria-label="Rating distribution">
        {([5, 4, 3, 2, 1] as const).map((stars) => {
          const share = count > 0 ? Math.round((distribution[stars] / count) * 100) : 0
          return (
            <li key={stars} className="flex items-center gap-2 text-sm">
              <span className="w-14 shrink-0 text-zinc-700">{pluralize(stars, 'star')}</span>
              <span className="h-2.5 flex-1 overflow-hidden rounded-full bg-zinc-200" aria-hidden="true">
                <span className="block h-full rounded-full bg-amber-500" style={{ width: `${share}%` }} />
              </span>
              <span className="w-20 shrink-0 text-right text-zinc-600">
                {distribution[stars]} <span className="sr-only">{pluralWord(distribution[stars], 'review')}, </span>({share}%)
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
