import { SearchResultsSkeleton } from '@/components/shop/search-results'

export default function CategoryLoading() {
  return <SearchResultsSkeleton />
}
