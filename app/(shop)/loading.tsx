import { SearchResultsSkeleton } from '@/components/shop/search-results'

export default function Loading() {
  return <SearchResultsSkeleton />
}
