import type { MetadataRoute } from 'next'
import { getCategories, getProductSlugs } from '@/lib/catalog/queries'
import { siteUrl } from '@/lib/env'

// One sitemap holds at most 50,000 URLs.
const MAX_PRODUCT_URLS = 45_000

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [categories, products] = await Promise.all([getCategories(), getProductSlugs(MAX_PRODUCT_URLS)])
  return [
    { url: `${siteUrl}/`, changeFrequency: 'daily', priority: 1 },
    ...categories.map((category) => ({ url: `${siteUrl}/category/${category.slug}`, changeFrequency: 'daily' as const, priority: 0.7 })),
    ...products.map((product) => ({
      url: `${siteUrl}/products/${product.slug}`,
      lastModified: product.updatedAt,
      changeFrequency: 'weekly' as const,
      priority: 0.5,
    })),
  ]
}
