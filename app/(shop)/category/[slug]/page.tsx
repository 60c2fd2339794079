import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Breadcrumbs } from '@/components/shop/breadcrumbs'
import { SearchResults } from '@/components/shop/search-results'
import { ancestry, childrenOf } from '@/lib/catalog/category-tree'
import { getCategories, getCategoryBySlug } from '@/lib/catalog/queries'
import { searchProducts } from '@/lib/catalog/search'
import { parseSearchParams } from '@/lib/catalog/search-params'

// Rendered in one piece (no streamed fallback) so the filter form works without JavaScript.
export const instant = false

export async function generateStaticParams() {
  const categories = await getCategories()
  return categories.map((category) => ({ slug: category.slug }))
}

export async function generateMetadata({ params }: PageProps<'/category/[slug]'>): Promise<Metadata> {
  const category = await getCategoryBySlug((await params).slug)
  if (!category) return { title: 'Category not found' }
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical: `/category/${category.slug}` },
    openGraph: { title: category.name, description: category.description, url: `/category/${category.slug}` },
  }
}

export default async function CategoryPage({ params, searchParams }: PageProps<'/category/[slug]'>) {
  const { slug } = await params
  const categories = await getCategories()
  const category = categories.find((candidate) => candidate.slug === slug)
  if (!category) notFound()
  const trail = ancestry(categories, category.id)
  return (
    <>
      <Breadcrumbs items={[{ name: 'Home', href: '/' }, ...trail.map((c) => ({ name: c.name, href: `/category/${c.slug}` }))]} />
      <h1 className="mt-3 text-2xl font-bold tracking-tight">{category.name}</h1>
      <p className="mt-1 mb-6 max-w-2xl text-zinc-700">{category.description}</p>
      <Results slug={category.slug} categoryId={category.id} searchParams={searchParams} />
    </>
  )
}

async function Results({ slug, categoryId, searchParams }: { slug: string; categoryId: number } & Pick<PageProps<'/category/[slug]'>, 'searchParams'>) {
  const query = { ...parseSearchParams(await searchParams), category: slug }
  const [result, categories] = await Promise.all([searchProducts(query), getCategories()])
  const children = new Set(childrenOf(categories, categoryId).map((child) => child.slug))
  const facets = result.facets.filter((facet) => children.has(facet.slug)).map((facet) => ({ ...facet, depth: 0 }))
  return (
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
  )
}
