import type { Metadata } from 'next'
import { SearchListing } from '@/components/shop/listings'
import { parseSearchParams } from '@/lib/catalog/search-params'

export const metadata: Metadata = {
  title: 'Search',
  description: 'Search the whole catalog by keyword, category, price, rating and availability.',
  alternates: { canonical: '/search' },
  // Result pages for arbitrary queries are not worth indexing; the products they link to are.
  robots: { index: false, follow: true },
}

// proxy.ts serves /search from the cached /search/r/[key] once this server has been asked for the
// same query before (lib/catalog/listing-route.ts); this request-time page answers the first
// request for a query, and any when the proxy does not run. Rendered in one piece on the server
// rather than streamed behind a Suspense fallback, so the results and the filter form are in the
// HTML itself and work without JavaScript.
export const instant = false

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  return <SearchListing query={parseSearchParams(await searchParams)} />
}
