import { describe, expect, it } from 'vitest'
import { siteUrl } from '@/lib/env'
import { productJsonLd } from './json-ld'
import type { ProductDetail } from './types'

const product: ProductDetail = {
  id: 17,
  slug: 'studio-monitor-headphones',
  name: 'Studio Monitor Headphones',
  description: 'Closed-back studio monitor headphones.',
  priceCents: 1250,
  maxPriceCents: 1250,
  currency: 'USD',
  stock: 31,
  ratingAvg: 4.87,
  ratingCount: 12,
  imageUrl: '/art/0/studio-monitor-headphones.svg',
  imageAlt: 'Studio Monitor Headphones',
  quickAddVariantId: 40,
  categoryId: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  images: [
    { url: '/art/0/studio-monitor-headphones.svg', alt: 'Studio Monitor Headphones' },
    { url: '/art/1/studio-monitor-headphones.svg', alt: 'Studio Monitor Headphones, view 2' },
  ],
  options: [],
  variants: [{ id: 40, sku: 'STUDIO-MONITOR-HEADPHONES', option1: null, option2: null, option3: null, priceCents: 1250, compareAtCents: null, stock: 31, imageUrl: null }],
}

type JsonLd = {
  '@context': string
  '@type': string
  name: string
  description: string
  sku: string
  url: string
  image: string[]
  offers: { '@type': string; url: string; priceCurrency: string; price: string; availability: string }
  aggregateRating?: { '@type': string; ratingValue: string; reviewCount: number }
}

const parse = (text: string) => JSON.parse(text) as JsonLd

describe('productJsonLd', () => {
  it('is a schema.org Product with an Offer', () => {
    const data = parse(productJsonLd(product))
    expect(data['@context']).toBe('https://schema.org')
    expect(data['@type']).toBe('Product')
    expect(data.name).toBe('Studio Monitor Headphones')
    expect(data.description).toBe('Closed-back studio monitor headphones.')
    expect(data.sku).toBe('STUDIO-MONITOR-HEADPHONES')
    expect(data.url).toBe(`${siteUrl}/products/studio-monitor-headphones`)
    expect(data.image).toEqual([`${siteUrl}/art/0/studio-monitor-headphones.svg`, `${siteUrl}/art/1/studio-monitor-headphones.svg`])
    expect(data.offers).toEqual({
      '@type': 'Offer',
      url: `${siteUrl}/products/studio-monitor-headphones`,
      priceCurrency: 'USD',
      price: '12.50',
      availability: 'https://schema.org/InStock',
    })
  })

  it('writes the price as a major-unit string from cents', () => {
    const price = (priceCents: number) => parse(productJsonLd({ ...product, priceCents })).offers.price
    expect(price(1250)).toBe('12.50')
    expect(price(14900)).toBe('149')
    expect(price(8999)).toBe('89.99')
    expect(price(5)).toBe('0.05')
    expect(price(0)).toBe('0')
  })

  it('flips availability with stock', () => {
    expect(parse(productJsonLd({ ...product, stock: 1 })).offers.availability).toBe('https://schema.org/InStock')
    expect(parse(productJsonLd({ ...product, stock: 0 })).offers.availability).toBe('https://schema.org/OutOfStock')
  })

  it('includes aggregateRating only when there are ratings', () => {
    expect(parse(productJsonLd(product)).aggregateRating).toEqual({
      '@type': 'AggregateRating',
      ratingValue: '4.9',
      reviewCount: 12,
      bestRating: 5,
      worstRating: 1,
    })
    const unrated = parse(productJsonLd({ ...product, ratingAvg: 0, ratingCount: 0 }))
    expect(unrated).not.toHaveProperty('aggregateRating')
  })

  it('lists the given reviews as schema.org Reviews, with script-closing text escaped', () => {
    const review = {
      id: 1,
      rating: 4,
      title: 'Great </script><script>alert(1)</script>',
      body: 'Comfortable.',
      authorName: 'Ada L.',
      verified: true,
      helpfulCount: 0,
      createdAt: '2026-02-03T10:00:00.000Z',
      edited: false,
    }
    const text = productJsonLd(product, [review])
    expect(text).not.toContain('</script>')
    expect((JSON.parse(text) as { review: unknown[] }).review).toEqual([
      {
        '@type': 'Review',
        name: review.title,
        reviewBody: 'Comfortable.',
        datePublished: '2026-02-03',
        author: { '@type': 'Person', name: 'Ada L.' },
        reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
      },
    ])
    expect(parse(productJsonLd(product))).not.toHaveProperty('review')
  })

  it('keeps absolute image URLs and handles no images', () => {
    const data = parse(productJsonLd({ ...product, images: [{ url: 'https://cdn.example.com/a.png', alt: '' }] }))
    expect(data.image).toEqual(['https://cdn.example.com/a.png'])
    expect(parse(productJsonLd({ ...product, images: [] })).image).toEqual([])
  })

  it('escapes </script> and every < so the markup cannot break out of its script tag', () => {
    const hostile = {
      ...product,
      name: 'Evil </script><script>alert(1)</script>',
      description: '<!-- comment --> & "quotes" \u2028 done',
    }
    const text = productJsonLd(hostile)
    expect(text).not.toContain('<')
    expect(text.toLowerCase()).not.toContain('</script')
    expect(text).toContain('\\u003c/script>')
    const data = parse(text)
    expect(data.name).toBe(hostile.name)
    expect(data.description).toBe(hostile.description)
  })

  it('is a ProductGroup for a product with options: variesBy size and colour, one Product and Offer per variant with its SKU, price and stock', () => {
    const shoe: ProductDetail = {
      ...product,
      name: 'Trail Runner 2',
      slug: 'trail-runner-2',
      priceCents: 12_900,
      maxPriceCents: 13_900,
      options: [
        { position: 1, name: 'Size', values: ['42', '43'] },
        { position: 2, name: 'Colour', values: ['Black', 'Sand'] },
        { position: 3, name: 'Width', values: ['Wide'] },
      ],
      variants: [
        { id: 1, sku: 'TR2-42-BLK', option1: '42', option2: 'Black', option3: 'Wide', priceCents: 12_900, compareAtCents: 15_000, stock: 3, imageUrl: '/uploads/black.webp' },
        { id: 2, sku: 'TR2-43-SND', option1: '43', option2: 'Sand', option3: 'Wide', priceCents: 13_900, compareAtCents: null, stock: 0, imageUrl: null },
      ],
    }
    const data = JSON.parse(productJsonLd(shoe)) as Record<string, unknown> & { hasVariant: Record<string, unknown>[] }
    expect(data['@type']).toBe('ProductGroup')
    expect(data.productGroupID).toBe('trail-runner-2')
    expect(data.variesBy).toEqual(['https://schema.org/size', 'https://schema.org/color'])
    expect(data).not.toHaveProperty('offers')
    expect(data.aggregateRating).toMatchObject({ ratingValue: '4.9' })
    expect(data.hasVariant).toEqual([
      {
        '@type': 'Product',
        name: 'Trail Runner 2 — 42 / Black / Wide',
        sku: 'TR2-42-BLK',
        image: [`${siteUrl}/uploads/black.webp`],
        size: '42',
        color: 'Black',
        additionalProperty: [{ '@type': 'PropertyValue', name: 'Width', value: 'Wide' }],
        offers: { '@type': 'Offer', url: `${siteUrl}/products/trail-runner-2?variant=TR2-42-BLK`, priceCurrency: 'USD', price: '129', availability: 'https://schema.org/InStock' },
      },
      {
        '@type': 'Product',
        name: 'Trail Runner 2 — 43 / Sand / Wide',
        sku: 'TR2-43-SND',
        image: [`${siteUrl}/art/0/studio-monitor-headphones.svg`, `${siteUrl}/art/1/studio-monitor-headphones.svg`],
        size: '43',
        color: 'Sand',
        additionalProperty: [{ '@type': 'PropertyValue', name: 'Width', value: 'Wide' }],
        offers: { '@type': 'Offer', url: `${siteUrl}/products/trail-runner-2?variant=TR2-43-SND`, priceCurrency: 'USD', price: '139', availability: 'https://schema.org/OutOfStock' },
      },
    ])
  })
})
