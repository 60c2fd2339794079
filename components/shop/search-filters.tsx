import { Link } from '@/components/ui/link'
import { type SearchQuery, searchHref, sortOptions } from '@/lib/catalog/search-params'
import type { CategoryFacet } from '@/lib/catalog/types'
import { toMajorUnitsString } from '@/lib/money'
import { AutoSubmitSelect } from './auto-submit-select'

const inputClass = 'w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none'

/** One end of the price range, in major units ("12.50"), empty when not set. */
function PriceBound({ name, label, placeholder, cents }: { name: 'min' | 'max'; label: string; placeholder: string; cents: number | null }) {
  return (
    <>
      <label htmlFor={`filter-${name}`} className="sr-only">
        {label}
      </label>
      <input
        id={`filter-${name}`}
        name={name}
        inputMode="decimal"
        placeholder={placeholder}
        defaultValue={cents === null ? '' : toMajorUnitsString(cents)}
        className={inputClass}
      />
    </>
  )
}

/** The whole search state lives in the URL; this GET form edits it and works without JavaScript. */
export function SearchFilters({
  query,
  facets,
  pathname,
  lockedCategory,
}: {
  query: SearchQuery
  facets: CategoryFacet[]
  pathname: string
  /** On a category page the category is part of the path, not a filter. */
  lockedCategory?: boolean
}) {
  const applied = [query.minCents !== null || query.maxCents !== null, query.minRating !== null, query.inStock].filter(Boolean).length
  // Folded away on phones so the results come first; always open from the lg breakpoint on
  // (`.filters-panel` in app/globals.css). A <details> opens without JavaScript.
  return (
    <details className="filters-panel group">
      <summary className="flex cursor-pointer list-none items-center justify-between rounded-lg border border-zinc-300 px-4 py-2.5 text-sm font-semibold [&::-webkit-details-marker]:hidden">
        <span>
          Filters and sort
          {applied > 0 && <span className="font-normal text-zinc-700"> · {applied} applied</span>}
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 transition group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="m5 8 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </summary>
      <form action={pathname} method="get" className="mt-4 flex flex-col gap-5" aria-label="Filter and sort">
        <div>
          <label htmlFor="filter-q" className="mb-1 block text-sm font-medium">
            Keywords
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q} maxLength={200} className={inputClass} />
        </div>
        {query.category && !lockedCategory && <input type="hidden" name="category" value={query.category} />}

        <div>
          <label htmlFor="filter-sort" className="mb-1 block text-sm font-medium">
            Sort by
          </label>
          <AutoSubmitSelect id="filter-sort" name="sort" defaultValue={query.sort} className={inputClass}>
            {sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </AutoSubmitSelect>
        </div>

        <fieldset>
          <legend className="mb-1 text-sm font-medium">Price (USD)</legend>
          <div className="flex items-center gap-2">
            <PriceBound name="min" label="Minimum price" placeholder="Min" cents={query.minCents} />
            <span aria-hidden="true">–</span>
            <PriceBound name="max" label="Maximum price" placeholder="Max" cents={query.maxCents} />
          </div>
        </fieldset>

        <div>
          <label htmlFor="filter-rating" className="mb-1 block text-sm font-medium">
            Customer rating
          </label>
          <AutoSubmitSelect id="filter-rating" name="rating" defaultValue={query.minRating ?? ''} className={inputClass}>
            <option value="">Any rating</option>
            {[4, 3, 2, 1].map((stars) => (
              <option key={stars} value={stars}>
                {stars} stars & up
              </option>
            ))}
          </AutoSubmitSelect>
        </div>

        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="in_stock" value="1" defaultChecked={query.inStock} className="size-4 accent-brand-700" />
          In stock only
        </label>

        <button type="submit" className="rounded-full bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Apply filters
        </button>

        {facets.length > 0 && (
          <nav aria-label="Categories in these results">
            <h2 className="mb-2 text-sm font-medium">{lockedCategory ? 'Subcategories' : 'Category'}</h2>
            <ul className="flex flex-col gap-1 text-sm">
              {!lockedCategory && query.category && (
                <li>
                  <Link href={searchHref({ ...query, category: null, page: 1 }, pathname)} className="text-brand-700 hover:underline">
                    All categories
                  </Link>
                </li>
              )}
              {facets.map((facet) => {
                const selected = facet.slug === query.category
                const href = lockedCategory
                  ? searchHref({ ...query, category: null, page: 1 }, `/category/${facet.slug}`)
                  : searchHref({ ...query, category: facet.slug, page: 1 }, pathname)
                return (
                  <li key={facet.slug} style={{ paddingLeft: `${facet.depth * 0.75}rem` }}>
                    <Link
                      href={href}
                      aria-current={selected ? 'true' : undefined}
                      className={`flex justify-between gap-2 hover:underline ${selected ? 'font-semibold text-zinc-950' : 'text-zinc-700'}`}
                    >
                      <span>{facet.name}</span>
                      <span className="text-zinc-500">{facet.count.toLocaleString('en-US')}</span>
                    </Link>
                  </li>
                )
              })}
            </ul>
          </nav>
        )}
      </form>
    </details>
  )
}
