import { siteUrl } from '@/lib/env'
import { toMajorUnitsString } from '@/lib/money'
import type { ReviewView } from '@/lib/reviews/types'
import type { ProductDetail } from './types'

/** schema.org Product markup (with its visible reviews, if given), serialised safely for an inline <script> tag. */
export function productJsonLd(product: ProductDetail, reviews: ReviewView[] = []) {
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
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: product.ratingAvg.toFixed(1),
        reviewCount: product.ratingCount,
        bestRating: 5,
        worstRating: 1,
      },
    }),
    ...(reviews.length > 0 && {
      review: reviews.map((review) => ({
        '@type': 'Review',
        name: review.title,
        reviewBody: review.body,
        datePublished: review.createdAt.slice(0, 10),
        author: { '@type': 'Person', name: review.authorName },
        reviewRating: { '@type': 'Rating', ratingValue: review.rating, bestRating: 5, worstRating: 1 },
      })),
    }),
  }
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
