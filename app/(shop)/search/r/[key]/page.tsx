import type { Metadata } from 'next'
import { SearchListing } from '@/components/shop/listings'
import { firstPageKey, queryFromListingKey } from '@/lib/catalog/listing-route'

export const metadata: Metadata = {
  title: 'Search',
  description: 'Search the whole catalog by keyword, category, price, rating and availability.',
  alternates: { canonical: '/search' },
  robots: { index: false, follow: true },
}

export const instant = false

// /search?… is rewritten here by proxy.ts with its normalized query as the key from the second
// request for that query on: rendered then, and served from the route cache until the catalog changes.
export function generateStaticParams() {
  return [{ key: firstPageKey }]
}

export default async function CachedSearchPage({ params }: PageProps<'/search/r/[key]'>) {
  return <SearchListing query={queryFromListingKey((await params).key)} />
}
