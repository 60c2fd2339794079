import type { Metadata } from 'next'
import { CategoryListing, categoryMetadata } from '@/components/shop/listings'
import { getCategories } from '@/lib/catalog/queries'
import { parseSearchParams } from '@/lib/catalog/search-params'

// proxy.ts serves category pages from the cached /category/[slug]/r/[key] once this server has
// been asked for the same page before (lib/catalog/listing-route.ts); this request-time page answers
// the first request for a filtered or later page, and any when the proxy does not run.
// Rendered in one piece (no streamed fallback) so the filter form works without JavaScript.
export const instant = false

export async function generateStaticParams() {
  const categories = await getCategories()
  return categories.map((category) => ({ slug: category.slug }))
}

export async function generateMetadata({ params }: PageProps<'/category/[slug]'>): Promise<Metadata> {
  return categoryMetadata((await params).slug)
}

export default async function CategoryPage({ params, searchParams }: PageProps<'/category/[slug]'>) {
  const [{ slug }, raw] = await Promise.all([params, searchParams])
  return <CategoryListing slug={slug} query={parseSearchParams(raw)} />
}
