import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ancestry, childrenOf } from '@/lib/catalog/category-tree'
import { getCategories, getCategoryBySlug } from '@/lib/catalog/queries'
import { searchProducts } from '@/lib/catalog/search'
import type { SearchQuery } from '@/lib/catalog/search-params'
import { Breadcrumbs } from './breadcrumbs'
import { SearchResults } from './search-results'

/** The /search page body for one normalized query. */
export async function SearchListing({ query }: { query: SearchQuery }) {
  const [result, categories] = await Promise.all([searchProducts(query), getCategories()])
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Search</h1>
      <SearchResults query={query} result={result} pathname="/search" facets={result.facets} popularCategories={childrenOf(categories, null).slice(0, 4)} />
    </>
  )
}

/** A category page's metadata, the same for the request-time page and its cached twin. */
export async function categoryMetadata(slug: string): Promise<Metadata> {
  const category = await getCategoryBySlug(slug)
  if (!category) return { title: 'Category not found' }
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical: `/category/${category.slug}` },
    openGraph: { title: category.name, description: category.description, url: `/category/${category.slug}` },
  }
}

/** A category page body: its trail, description and the listing, filtered to the category. */
export async function CategoryListing({ slug, query: rawQuery }: { slug: string; query: SearchQuery }) {
  const categories = await getCategories()
  const category = categories.find((candidate) => candidate.slug === slug)
  if (!category) notFound()
  const trail = ancestry(categories, category.id)
  const query = { ...rawQuery, category: category.slug }
  const result = await searchProducts(query)
  const children = new Set(childrenOf(categories, category.id).map((child) => child.slug))
  const facets = result.facets.filter((facet) => children.has(facet.slug)).map((facet) => ({ ...facet, depth: 0 }))
  return (
    <>
      <Breadcrumbs items={[{ name: 'Home', href: '/' }, ...trail.map((c) => ({ name: c.name, href: `/category/${c.slug}` }))]} />
      <h1 className="mt-3 text-2xl font-bold tracking-tight">{category.name}</h1>
      <p className="mt-1 mb-6 max-w-2xl text-zinc-700">{category.description}</p>
      <SearchResults
        query={query}
        result={result}
        pathname={`/category/${slug}`}
        facets={facets}
        lockedCategory
        popularCategories={childrenOf(categories, null)
          .filter((c) => c.slug !== slug)
          .slice(0, 4)}
      />
    </>
  )
}
