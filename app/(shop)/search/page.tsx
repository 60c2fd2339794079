import type { Metadata } from 'next'
import { Suspense } from 'react'
import { SearchResults, SearchResultsSkeleton } from '@/components/shop/search-results'
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

export default function SearchPage({ searchParams }: PageProps<'/search'>) {
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Search</h1>
      <Suspense fallback={<SearchResultsSkeleton />}>
        <Results searchParams={searchParams} />
      </Suspense>
    </>
  )
}

async function Results({ searchParams }: Pick<PageProps<'/search'>, 'searchParams'>) {
  const query = parseSearchParams(await searchParams)
  const [result, categories] = await Promise.all([searchProducts(query), getCategories()])
  return (
    <SearchResults
      query={query}
      result={result}
      pathname="/search"
      facets={result.facets}
      popularCategories={childrenOf(categories, null).slice(0, 4)}
    />
  )
}
