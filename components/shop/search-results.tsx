import { Link } from '@/components/ui/link'
import { type SearchQuery, searchHref } from '@/lib/catalog/search-params'
import type { CategoryFacet, SearchResult } from '@/lib/catalog/types'
import { Pagination } from './pagination'
import { ProductGrid } from './product-card'
import { SearchFilters } from './search-filters'
import { pluralize } from '@/lib/plural'

/** Results, filters and pager for /search and category pages. */
export function SearchResults({
  query,
  result,
  pathname,
  facets,
  lockedCategory = false,
  popularCategories,
}: {
  query: SearchQuery
  result: SearchResult
  pathname: string
  facets: CategoryFacet[]
  lockedCategory?: boolean
  popularCategories: { slug: string; name: string }[]
}) {
  // On a category page the category is in the path, so links leave it out of the query string.
  const linkQuery = lockedCategory ? { ...query, category: null } : query
  const pastTheEnd = result.total > 0 && query.page > result.pageCount
  const hasFilters = query.minCents !== null || query.maxCents !== null || query.minRating !== null || query.inStock
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <aside>
        <SearchFilters query={query} facets={facets} pathname={pathname} lockedCategory={lockedCategory} />
      </aside>
      <section aria-labelledby="results-heading">
        {/* The cards' titles are h3: their h2, also when the filters (and their h2) are folded away on a phone. */}
        <h2 className="sr-only">Results</h2>
        <p id="results-heading" role="status" className="mb-4 text-sm text-zinc-700">
          {result.total === 0 ? 'No products found' : pluralize(result.total, 'product')}
          {query.q && (
            <>
              {' '}
              for <q className="font-medium text-zinc-950">{query.q}</q>
            </>
          )}
        </p>

        {result.fuzzy && (
          <p className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">
            No exact matches for <q>{query.q}</q>. Showing products with similar names.
          </p>
        )}

        {result.total === 0 ? (
          <div className="rounded-xl border border-dashed border-zinc-300 p-8 text-center">
            <h2 className="text-lg font-semibold">Nothing matches {query.q ? <q>{query.q}</q> : 'these filters'}</h2>
            <p className="mt-2 text-sm text-zinc-600">Check the spelling, use fewer words, or widen the filters.</p>
            <ul className="mt-4 flex flex-wrap justify-center gap-2 text-sm">
              {hasFilters && (
                <li>
                  <Link
                    href={searchHref({ q: query.q, category: lockedCategory ? null : query.category, sort: query.sort }, pathname)}
                    className="rounded-full border border-zinc-300 px-3 py-1 hover:bg-zinc-50"
                  >
                    Clear filters
                  </Link>
                </li>
              )}
              {popularCategories.map((category) => (
                <li key={category.slug}>
                  <Link href={`/category/${category.slug}`} className="rounded-full border border-zinc-300 px-3 py-1 hover:bg-zinc-50">
                    Browse {category.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : pastTheEnd ? (
          <div className="rounded-xl border border-dashed border-zinc-300 p-8 text-center">
            <h2 className="text-lg font-semibold">There is no page {query.page}</h2>
            <p className="mt-2 text-sm text-zinc-600">These results end on page {result.pageCount}.</p>
            <Link
              href={searchHref({ ...linkQuery, page: result.pageCount }, pathname)}
              className="mt-4 inline-block rounded-full bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
            >
              Go to the last page
            </Link>
          </div>
        ) : (
          <ProductGrid products={result.products} priorityCount={4} />
        )}

        <Pagination page={query.page} pageCount={result.pageCount} hrefFor={(page) => searchHref({ ...linkQuery, page }, pathname)} />
      </section>
    </div>
  )
}
