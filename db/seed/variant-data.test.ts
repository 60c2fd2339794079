import { describe, expect, it } from 'vitest'
import { generateProducts } from './catalog-data'
import { variantPlan } from './variant-data'

const products = generateProducts(3_000)
const planned = products.map((product) => ({ product, plan: variantPlan(product) }))

describe('demo variants', () => {
  it('gives apparel and footwear real sizes and colours, and leaves products where variants make no sense as one default variant', () => {
    const shoes = planned.filter(({ product }) => product.categorySlug === 'footwear' && product.type !== 'Slippers')
    expect(shoes.length).toBeGreaterThan(10)
    for (const { plan } of shoes) {
      expect(plan?.options.map((option) => option.name)).toEqual(['Size', 'Colour'])
      expect(plan?.options[0]?.values).toEqual(['39', '40', '41', '42', '43', '44', '45', '46'])
    }
    for (const { plan } of planned.filter(({ product }) => product.categorySlug === 'tops')) expect(plan?.options[0]?.values).toEqual(['XS', 'S', 'M', 'L', 'XL'])
    for (const { plan } of planned.filter(({ product }) => ['headphones-earbuds', 'board-games', 'skincare'].includes(product.categorySlug))) expect(plan).toBeNull()
    const throws = planned.filter(({ product }) => product.type === 'Throw Blanket')
    expect(throws.length).toBeGreaterThan(0)
    for (const { plan } of throws) expect(plan?.options).toEqual([{ name: 'Material', values: ['Cotton', 'Wool', 'Cashmere Blend'] }])
  })

  it('has one variant per combination, unique SKUs, the product price as the lowest, and stock only where the product has some', () => {
    const skus = new Set<string>()
    for (const { product, plan } of planned) {
      if (!plan) continue
      const combinations = plan.options.reduce((count, option) => count * option.values.length, 1)
      expect(plan.variants).toHaveLength(combinations)
      expect(new Set(plan.variants.map((variant) => variant.values.join('/'))).size).toBe(combinations)
      for (const variant of plan.variants) {
        expect(skus.has(variant.sku)).toBe(false)
        skus.add(variant.sku)
        expect(variant.stock).toBeGreaterThanOrEqual(0)
        expect(variant.priceCents).toBeGreaterThanOrEqual(product.priceCents)
      }
      expect(Math.min(...plan.variants.map((variant) => variant.priceCents))).toBe(product.priceCents)
      const total = plan.variants.reduce((sum, variant) => sum + variant.stock, 0)
      if (product.stock === 0) expect(total).toBe(0)
      else expect(total).toBeGreaterThan(0)
    }
  })

  it('has a few sold-out variants of products otherwise in stock, some sales, and prices that differ by size or material', () => {
    const withVariants = planned.flatMap(({ product, plan }) => (plan ? [{ product, plan }] : []))
    const partlySoldOut = withVariants.filter(({ product, plan }) => product.stock > 0 && plan.variants.some((variant) => variant.stock === 0))
    expect(partlySoldOut.length).toBeGreaterThan(withVariants.length / 10)
    // A few, not most: of the variants of products in stock, about one in eight is sold out.
    const inStock = withVariants.filter(({ product }) => product.stock > 0).flatMap(({ plan }) => plan.variants)
    const soldOutShare = inStock.filter((variant) => variant.stock === 0).length / inStock.length
    expect(soldOutShare).toBeGreaterThan(0.05)
    expect(soldOutShare).toBeLessThan(0.2)
    expect(withVariants.some(({ plan }) => plan.variants.some((variant) => variant.compareAtCents !== null && variant.compareAtCents > variant.priceCents))).toBe(true)
    expect(withVariants.some(({ plan }) => new Set(plan.variants.map((variant) => variant.priceCents)).size > 1)).toBe(true)
  })

  it('is the same on every run', () => {
    const again = generateProducts(300).map((product) => variantPlan(product))
    expect(again).toEqual(planned.slice(0, 300).map(({ plan }) => plan))
  })
})
