import { pluralize } from '@/lib/plural'

export function RatingStars({ average, count, size = 'sm' }: { average: number; count: number; size?: 'sm' | 'md' }) {
  if (count === 0) return <span className="text-xs text-zinc-500">No reviews yet</span>
  const label = `Rated ${average.toFixed(1)} out of 5 from ${pluralize(count, 'review')}`
  const filled = Math.round(average)
  return (
    <span className="inline-flex items-center gap-1" role="img" aria-label={label}>
      <span aria-hidden="true" className={size === 'md' ? 'text-lg' : 'text-sm'}>
        <span className="text-amber-500">{'★'.repeat(filled)}</span>
        <span className="text-zinc-300">{'★'.repeat(5 - filled)}</span>
      </span>
      <span aria-hidden="true" className="text-xs text-zinc-600">
        {average.toFixed(1)} ({count})
      </span>
    </span>
  )
}
