import { siteUrl } from '@/lib/env'
import { toMajorUnitsString } from '@/lib/money'
import type { ProductDetail } from './types'

/** schema.org Product markup, serialised safely for an inline <script> tag. */
export function productJsonLd(product: ProductDetail) {
  const url = `${siteUrl}/products/${product.slug}`
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.description,
    sku: String(product.id),
    url,
    image: product.images.map((image) => new URL(image.url, siteUrl).toString()),
    offers: {
      '@type': 'Offer',
      url,
      priceCurrency: product.currency,
      price: toMajorUnitsString(product.priceCents),
      availability: product.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
    },
    ...(product.ratingCount > 0 && {
      aggregateRating: { '@type': 'AggregateRating', ratingValue: product.ratingAvg.toFixed(1), reviewCount: product.ratingCount },
    }),
  }
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
