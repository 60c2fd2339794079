import { describe, expect, it } from 'vitest'
import { productRewritePath, productRouteOf, skuFromVariantKey } from './product-route'

const params = (text: string) => new URLSearchParams(text)
/** Next hands the page its dynamic segment decoded. */
const keyOf = (path: string) => decodeURIComponent(path.split('/').at(-1) ?? '')

describe('productRouteOf', () => {
  it('knows the bare product path, and nothing below or beside it', () => {
    expect(productRouteOf('/products/aurora-wireless-headphones')).toBe('aurora-wireless-headphones')
    expect(productRouteOf('/products/cork-yoga-mat/')).toBe('cork-yoga-mat')
    expect(productRouteOf('/products/cork-yoga-mat/reviews')).toBeNull()
    expect(productRouteOf('/products/cork-yoga-mat/v/-')).toBeNull()
    expect(productRouteOf('/products/Not A Slug')).toBeNull()
    expect(productRouteOf('/products')).toBeNull()
    expect(productRouteOf('/category/audio')).toBeNull()
  })
})

describe('productRewritePath', () => {
  it('sends a product without a chosen variant, and any other parameter, to its default page', () => {
    expect(productRewritePath('cork-yoga-mat', params(''))).toBe('/products/cork-yoga-mat/v/-')
    expect(productRewritePath('cork-yoga-mat', params('utm_source=mail&_rsc=abc'))).toBe('/products/cork-yoga-mat/v/-')
    expect(productRewritePath('cork-yoga-mat', params('variant=%20%20'))).toBe('/products/cork-yoga-mat/v/-')
  })

  it('shares one page between spellings of a SKU, and hands the page the SKU back', () => {
    const upper = productRewritePath('packable-rain-jacket', params('variant=JACKET-M-OLIVE'))
    expect(productRewritePath('packable-rain-jacket', params('variant=jacket-m-olive%20&utm_source=x'))).toBe(upper)
    expect(skuFromVariantKey(keyOf(upper))).toBe('jacket-m-olive')
    expect(skuFromVariantKey(keyOf(productRewritePath('mug', params('variant=A/B C%3F'))))).toBe('a/b c?')
  })

  it('gives a SKU longer than any the shop accepts the default page, not a cache entry of its own', () => {
    expect(productRewritePath('mug', params(`variant=${'x'.repeat(65)}`))).toBe('/products/mug/v/-')
    expect(skuFromVariantKey('-')).toBeUndefined()
  })
})
