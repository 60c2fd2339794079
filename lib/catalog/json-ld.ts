import { siteUrl } from '@/lib/env'
import { toMajorUnitsString } from '@/lib/money'
import type { ReviewView } from '@/lib/reviews/types'
import type { ProductDetail, ProductVariantView } from './types'
import { isColourOption, lineName, optionValueOf, variantTitle } from './variant-options'

/** The schema.org properties Google reads for the options a ProductGroup varies by. */
const variesByProperty: Record<string, string> = { size: 'size', colour: 'color', color: 'color', material: 'material', pattern: 'pattern' }

function schemaPropertyOf(optionName: string) {
  const key = optionName.trim().toLowerCase()
  return isColourOption(key) ? 'color' : (variesByProperty[key] ?? null)
}

const availability = (stock: number) => (stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock')

/**
 * schema.org markup, serialised safely for an inline <script> tag: a Product with one Offer for a
 * product sold as a single variant, or a ProductGroup (variesBy, hasVariant: one Product with its
 * own SKU and Offer per variant on sale) for a product with options, as Google's merchant listing
 * rich results read them. Ratings and the visible reviews go on the product or the group.
 */
export function productJsonLd(product: ProductDetail, reviews: ReviewView[] = []) {
  const url = `${siteUrl}/products/${product.slug}`
  const image = product.images.map((img) => new URL(img.url, siteUrl).toString())
  const social = {
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

  const data =
    product.options.length === 0
      ? {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: product.name,
          description: product.description,
          sku: product.variants[0]?.sku ?? String(product.id),
          url,
          image,
          offers: { '@type': 'Offer', url, priceCurrency: product.currency, price: toMajorUnitsString(product.priceCents), availability: availability(product.stock) },
          ...social,
        }
      : {
          '@context': 'https://schema.org',
          '@type': 'ProductGroup',
          name: product.name,
          description: product.description,
          url,
          image,
          productGroupID: product.slug,
          variesBy: product.options.flatMap((option) => {
            const property = schemaPropertyOf(option.name)
            return property ? [`https://schema.org/${property}`] : []
          }),
          hasVariant: product.variants.map((variant) => variantJsonLd(product, variant, url, image)),
          ...social,
        }
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

function variantJsonLd(product: ProductDetail, variant: ProductVariantView, groupUrl: string, groupImage: string[]) {
  const url = `${groupUrl}?variant=${encodeURIComponent(variant.sku)}`
  const properties: Record<string, string> = {}
  const additional: { '@type': 'PropertyValue'; name: string; value: string }[] = []
  for (const option of product.options) {
    const value = optionValueOf(variant, option.position)
    if (value === null) continue
    const property = schemaPropertyOf(option.name)
    if (property) properties[property] = value
    else additional.push({ '@type': 'PropertyValue', name: option.name, value })
  }
  return {
    '@type': 'Product',
    name: lineName(product.name, variantTitle(variant)),
    sku: variant.sku,
    image: variant.imageUrl ? [new URL(variant.imageUrl, siteUrl).toString()] : groupImage,
    ...properties,
    ...(additional.length > 0 && { additionalProperty: additional }),
    offers: { '@type': 'Offer', url, priceCurrency: product.currency, price: toMajorUnitsString(variant.priceCents), availability: availability(variant.stock) },
  }
}
