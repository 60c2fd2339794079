import type { Metadata } from 'next'
import { SearchResults } from '@/components/shop/search-results'
import { childrenOf } from '@/lib/catalog/category-tree'
import { getCategories } from '@/lib/catalog/queries'
import { searchProducts } from '@/lib/catalog/search'
import { parseSearchParams } from '@/lib/catalog/search-params'

export const metadata: Metadata = {
  title: 'Search',
  description: 'Search the whole catalog by keyword, category, price, rating and availability.',
  alternates: { canonical: '/search' },
  // Result pages for arbitrary queries are not worth indexing; the products they link to are.
  robots: { index: false, follow: true },
}

// Rendered in one piece on the server rather than streamed behind a Suspense fallback, so the
// results and the filter form are in the HTML itself and work without JavaScript.
export const instant = false

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const query = parseSearchParams(await searchParams)
  const [result, categories] = await Promise.all([searchProducts(query), getCategories()])
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Search</h1>
      <SearchResults query={query} result={result} pathname="/search" facets={result.facets} popularCategories={childrenOf(categories, null).slice(0, 4)} />
    </>
  )
}
