import type { Metadata } from 'next'
import { CategoryListing, categoryMetadata } from '@/components/shop/listings'
import { firstPageKey, queryFromListingKey } from '@/lib/catalog/listing-route'
import { getCategories } from '@/lib/catalog/queries'

export const instant = false

// /category/<slug>?… is rewritten here by proxy.ts (lib/catalog/listing-route.ts). Every
// category's unfiltered first page is prerendered at build; other pages and filters render here
// on their second request (the first renders at request time) and are then served from the route cache until the catalog changes.
export async function generateStaticParams() {
  const categories = await getCategories()
  return categories.map((category) => ({ slug: category.slug, key: firstPageKey }))
}

export async function generateMetadata({ params }: PageProps<'/category/[slug]/r/[key]'>): Promise<Metadata> {
  return categoryMetadata((await params).slug)
}

export default async function CachedCategoryPage({ params }: PageProps<'/category/[slug]/r/[key]'>) {
  const { slug, key } = await params
  return <CategoryListing slug={slug} query={queryFromListingKey(key)} />
}
