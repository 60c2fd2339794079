import { Link } from '@/components/ui/link'

function pageWindow(page: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount))
  const sorted = [...pages].sort((a, b) => a - b)
  const out: (number | 'gap')[] = []
  sorted.forEach((p, index) => {
    const previous = sorted[index - 1]
    if (previous !== undefined && p - previous > 1) out.push('gap')
    out.push(p)
  })
  return out
}

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null
  const linkClass = 'rounded-lg border border-zinc-300 px-3 py-1.5 hover:border-brand-600 hover:bg-brand-50'
  return (
    <nav aria-label="Pagination" className="mt-8 flex flex-wrap items-center justify-center gap-2 text-sm">
      {page > 1 && page <= pageCount && (
        <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          Previous
        </Link>
      )}
      <ul className="flex flex-wrap items-center gap-1">
        {pageWindow(Math.min(page, pageCount), pageCount).map((p, index) =>
          p === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-zinc-500">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className="rounded-lg bg-zinc-900 px-3 py-1.5 font-semibold text-white">
                  {p}
                </span>
              ) : (
                <Link href={hrefFor(p)} className={linkClass} aria-label={`Page ${p}`}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
          Next
        </Link>
      )}
      <p className="w-full text-center text-zinc-600">
        Page {Math.min(page, pageCount)} of {pageCount}
      </p>
    </nav>
  )
}
